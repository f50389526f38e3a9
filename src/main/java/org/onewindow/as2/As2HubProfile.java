package org.onewindow.as2;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.party.Certificates;

/**
 * What a party configures on its AS2 system to exchange with the hub: the hub's AS2 name, where to send (the
 * plain URL for signed or compressed messages, {@code …/encrypted} for encrypted ones) and the hub's AS2
 * certificate, which verifies the hub's signatures and MDNs and is the one to encrypt to.
 */
public record As2HubProfile(String as2Id, String url, X509Certificate certificate) {
    /** Path suffix of the listener that decrypts: camel-as2 decrypts per path, not per partner. */
    public static final String ENCRYPTED_PATH = "/encrypted";

    public Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("as2Id", as2Id);
        v.put("url", url);
        v.put("encryptedUrl", url + ENCRYPTED_PATH);
        v.put("signingAlgorithm", "SHA256WITHRSA");
        v.put("mdn", "signed (SHA256WITHRSA), synchronous unless your message asks for an asynchronous one");
        v.put("certificatePem", Certificates.toPem(certificate));
        return v;
    }
}
