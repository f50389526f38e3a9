package org.onewindow.trust;

import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one XML signature profile OneWindow signs with and accepts ({@code docs/signatures.md}).
 *
 * <p>Rule: an enveloped {@code ds:Signature}, the last child of the document element, whose
 * {@code ds:SignedInfo} uses exclusive C14N and rsa-sha256 or ecdsa-sha256, and holds exactly one
 * {@code ds:Reference} with {@code URI=""}, the transforms enveloped-signature then exclusive C14N and a
 * sha256 digest. Anything else in {@code SignedInfo} is refused with {@link SignatureFault#NOT_WHOLE_DOCUMENT}
 * (what is signed is not exactly the whole document) or {@link SignatureFault#ALGORITHM_NOT_ALLOWED}.
 */
public final class SignatureProfile {
    /** The XML Signature namespace. */
    public static final String DSIG_NS = Constants.SignatureSpecNS;
    /** Exclusive C14N without comments, for {@code SignedInfo} and as the second transform. */
    public static final String CANONICALIZATION = Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    /** The one digest algorithm. */
    public static final String DIGEST = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
    /** Signature method for RSA keys. */
    public static final String RSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    /** Signature method for EC keys. */
    public static final String ECDSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
    /** The reference's transforms, in this order. */
    public static final List<String> TRANSFORMS =
            List.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);

    private static final String IGNORE_LINE_BREAKS = "org.apache.xml.security.ignoreLineBreaks";
    private static final Set<String> SIGNATURE_METHODS = Set.of(RSA_SHA256, ECDSA_SHA256);

    private SignatureProfile() {
    }

    /**
     * Registers Santuario's algorithms and resolvers; signers and verifiers call it once when they are
     * built, never per message (it is idempotent and synchronised). Unless the operator set it, Santuario is
     * told to write base64 on one line and no line breaks between signature elements: its default breaks
     * lines with CR LF, which serialises as {@code &#13;} in every line of the certificate.
     */
    static void initialise() {
        if (System.getProperty(IGNORE_LINE_BREAKS) == null) {
            System.setProperty(IGNORE_LINE_BREAKS, "true");
        }
        Init.init();
    }

    /** The profile's signature method for a key: rsa-sha256 for RSA, ecdsa-sha256 for EC. */
    static String signatureMethodFor(Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> RSA_SHA256;
            case "EC" -> ECDSA_SHA256;
            default -> throw new IllegalArgumentException(
                    "Only RSA and EC keys can sign OneWindow messages, not " + key.getAlgorithm());
        };
    }

    /** Empty when the signature's {@code SignedInfo} follows the profile, otherwise why not. */
    static Optional<SignatureVerdict.Refused> refusal(Element signature) {
        Optional<Element> signedInfo = child(signature, "SignedInfo");
        if (signedInfo.isEmpty()) {
            return refuse(SignatureFault.MALFORMED, "The signature has no ds:SignedInfo.");
        }
        List<Element> references = children(signedInfo.get(), "Reference");
        if (references.size() != 1) {
            return refuse(SignatureFault.NOT_WHOLE_DOCUMENT, "The signature has " + references.size()
                    + " references; it must have exactly one, with URI=\"\" (the whole document).");
        }
        Element reference = references.get(0);
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()) {
            String uri = reference.hasAttribute("URI") ? "URI=\"" + reference.getAttribute("URI") + "\"" : "no URI";
            return refuse(SignatureFault.NOT_WHOLE_DOCUMENT, "The signature's reference has " + uri
                    + "; it must be URI=\"\" so that the whole document is signed.");
        }
        List<String> transforms = child(reference, "Transforms")
                .map(t -> children(t, "Transform").stream().map(SignatureProfile::algorithm).toList())
                .orElse(List.of());
        if (!transforms.equals(TRANSFORMS)) {
            return refuse(SignatureFault.NOT_WHOLE_DOCUMENT, "The signature's reference has the transforms "
                    + transforms + "; it must have exactly " + TRANSFORMS + ".");
        }
        String canonicalization = child(signedInfo.get(), "CanonicalizationMethod").map(SignatureProfile::algorithm).orElse("");
        if (!CANONICALIZATION.equals(canonicalization)) {
            return notAllowed("canonicalization", canonicalization, List.of(CANONICALIZATION));
        }
        String method = child(signedInfo.get(), "SignatureMethod").map(SignatureProfile::algorithm).orElse("");
        if (!SIGNATURE_METHODS.contains(method)) {
            return notAllowed("signature method", method, List.of(RSA_SHA256, ECDSA_SHA256));
        }
        String digest = child(reference, "DigestMethod").map(SignatureProfile::algorithm).orElse("");
        if (!DIGEST.equals(digest)) {
            return notAllowed("digest method", digest, List.of(DIGEST));
        }
        return Optional.empty();
    }

    private static Optional<SignatureVerdict.Refused> notAllowed(String what, String found, List<String> allowed) {
        return refuse(SignatureFault.ALGORITHM_NOT_ALLOWED, "The " + what + " "
                + (found.isEmpty() ? "is missing" : found + " is not allowed") + "; use " + String.join(" or ", allowed) + ".");
    }

    private static Optional<SignatureVerdict.Refused> refuse(SignatureFault fault, String text) {
        return Optional.of(SignatureVerdict.refused(fault, text));
    }

    private static String algorithm(Element element) {
        return element.getAttribute("Algorithm");
    }

    /** The first child in the XML Signature namespace with this local name. */
    static Optional<Element> child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The children in the XML Signature namespace with this local name, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
