package org.onewindow.trust;

import java.security.cert.X509Certificate;

/** What {@link VerifySignature} found: the verified signer, or the reason the signature was refused. */
public sealed interface SignatureVerdict {

    /**
     * The signature verified; {@code signer} is the certificate it carried. Whether that certificate is
     * valid now and belongs to the sending party is for the caller to decide.
     */
    record Verified(X509Certificate signer) implements SignatureVerdict {
    }

    /** The signature was refused; {@code text} is one readable sentence for the sender. */
    record Refused(SignatureFault fault, String text) implements SignatureVerdict {
        @Override
        public String toString() {
            return fault + ": " + text;
        }
    }

    static Refused refused(SignatureFault fault, String text) {
        return new Refused(fault, text);
    }
}
