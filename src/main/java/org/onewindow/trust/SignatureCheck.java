package org.onewindow.trust;

import java.security.cert.X509Certificate;
import org.onewindow.message.ErrorCode;
import org.onewindow.reply.Rejection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the hub does with a message's enveloped XML signature when it reads the message: verify it
 * ({@link #required}: unsigned T301, altered or wrongly signed T302, outside the profile T303) or, where the
 * operator relaxed signature checks for a test or benchmark, only lift it off unverified ({@link #relaxed}).
 * Either way the signature is gone from the DOM afterwards, so schema validation sees the business document.
 */
public interface SignatureCheck {

    /** The outcome: the certificate that signed (null when not verified), or the reason the message is refused. */
    record Outcome(X509Certificate signer, Rejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    Outcome check(Document document);

    /** Every message must carry a valid signature following the hub's profile. */
    static SignatureCheck required(VerifySignature verifier) {
        return document -> {
            SignatureVerdict verdict = verifier.verify(document);
            if (verdict instanceof SignatureVerdict.Refused refused) {
                return new Outcome(null, new Rejection(code(refused.fault()), refused.text()));
            }
            return new Outcome(((SignatureVerdict.Verified) verdict).signer(), null);
        };
    }

    /** Signatures are not checked (test and benchmark profiles only); one on the root is removed unverified. */
    static SignatureCheck relaxed() {
        return document -> {
            Element root = document.getDocumentElement();
            for (Node child = root.getLastChild(); child != null; child = child.getPreviousSibling()) {
                if (child instanceof Element e && SignatureProfile.DSIG_NS.equals(e.getNamespaceURI())) {
                    root.removeChild(e);
                    break;
                }
            }
            return new Outcome(null, null);
        };
    }

    private static ErrorCode code(SignatureFault fault) {
        return switch (fault) {
            case MISSING -> ErrorCode.SIGNATURE_MISSING;
            case DIGEST_MISMATCH, SIGNATURE_INVALID -> ErrorCode.SIGNATURE_BROKEN;
            case MULTIPLE, MISPLACED, NOT_WHOLE_DOCUMENT, ALGORITHM_NOT_ALLOWED, NO_CERTIFICATE, MALFORMED ->
                    ErrorCode.SIGNATURE_PROFILE;
        };
    }
}
