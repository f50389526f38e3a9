package org.onewindow.trust;

/**
 * Why a message's XML signature was refused, one value per rule of the signature profile
 * ({@code docs/signatures.md}).
 */
public enum SignatureFault {
    /** The document carries no {@code ds:Signature}. */
    MISSING,
    /** More than one {@code ds:Signature} anywhere in the document. */
    MULTIPLE,
    /** The one {@code ds:Signature} is not a direct child of the document element. */
    MISPLACED,
    /**
     * The signature does not cover the whole document: not exactly one {@code ds:Reference}, its
     * {@code URI} is not {@code ""}, or its transforms are not enveloped-signature then exclusive C14N.
     * Refusing these defeats signature wrapping and duplicate-ID tricks.
     */
    NOT_WHOLE_DOCUMENT,
    /** An algorithm outside the profile: signature rsa-sha256 / ecdsa-sha256, digest sha256, exclusive C14N. */
    ALGORITHM_NOT_ALLOWED,
    /** No signer certificate in {@code ds:KeyInfo/ds:X509Data}, or one that cannot be read. */
    NO_CERTIFICATE,
    /** The {@code ds:Signature} element is broken (missing parts, undecodable values). */
    MALFORMED,
    /** The signature value does not verify with the public key of the certificate carried. */
    SIGNATURE_INVALID,
    /** The document was altered after signing: its digest differs from the signed one. */
    DIGEST_MISMATCH
}
