package org.onewindow.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.as2.api.AS2CompressionAlgorithm;
import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.impl.DefaultCamelContext;
import org.onewindow.party.Certificates;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;

/**
 * A party's own AS2 system, played by Camel's AS2 component in a Camel context of its own: its client
 * ({@code as2:client/send}) sends to the hub; its server ({@code as2:server/listen}) takes the hub's replies,
 * signs its MDNs with the party's key and keeps what arrived.
 */
final class As2Partner implements AutoCloseable {
    final String as2Id;
    final KeyMaterial key;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** Asynchronous MDNs that reached {@link #receiveMdns}. */
    final List<Object> mdns = new CopyOnWriteArrayList<>();
    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate producer;

    As2Partner(String as2Id, KeyMaterial key) {
        this.as2Id = as2Id;
        this.key = key;
        camel.getRegistry().bind("partnerKey", key.privateKey());
        camel.getRegistry().bind("partnerChain", key.chain().toArray(new Certificate[0]));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /** A party's AS2 system with its own RSA key, issued by the demo CA of the hub whose data directory is given. */
    static As2Partner issuedBy(Path hubDataDir, String as2Id) throws Exception {
        KeyMaterial ca = KeyMaterial.fromPkcs12(hubDataDir.resolve("pki").resolve("ca.p12"), "changeit".toCharArray());
        return new As2Partner(as2Id, new DemoCertificateAuthority(ca).issue("CN=" + as2Id, KeyType.RSA_2048, Duration.ofDays(30)));
    }

    /** The operator records this system as the party's AS2 agreement: signed and compressed, replies to {@code replyUrl} (null: none). */
    void agreeFor(HubClient client, String alias, String replyUrl) throws Exception {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("as2Id", as2Id);
        terms.put("certificatePem", Certificates.toPem(key.certificate()));
        terms.put("replyUrl", replyUrl);
        terms.put("signed", true);
        terms.put("encrypted", false);
        terms.put("compressed", true);
        HubClient.Answer set = client.call("PUT", "/api/v1/admin/parties/" + client.party(alias).partyId() + "/as2",
                TestParties.OPERATOR, new ObjectMapper().writeValueAsString(terms));
        if (set.status() != 200) {
            throw new AssertionError("The AS2 agreement was not recorded: " + set.status() + " " + set.json());
        }
    }

    /** Sends a payload to the hub's AS2 listener; the answer's body is the MDN entity, its property the interchange. */
    Exchange send(int hubPort, String hubAs2Id, String path, AS2MessageStructure structure, Certificate hubCertificate,
                  KeyMaterial signer, byte[] payload) {
        return send(hubPort, hubAs2Id, path, structure, hubCertificate, signer, payload, null);
    }

    /** The same, asking for the MDN to be sent asynchronously to {@code receiptUrl} (null: in the HTTP response). */
    Exchange send(int hubPort, String hubAs2Id, String path, AS2MessageStructure structure, Certificate hubCertificate,
                  KeyMaterial signer, byte[] payload, String receiptUrl) {
        String uri = "as2:client/send?inBody=ediMessage&targetHostname=127.0.0.1&targetPortNumber=" + hubPort
                + "&httpSocketTimeout=20s";
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put("CamelAs2.requestUri", path);
        headers.put("CamelAs2.subject", "declaration");
        headers.put("CamelAs2.from", "edi@" + as2Id.toLowerCase());
        headers.put("CamelAs2.as2From", as2Id);
        headers.put("CamelAs2.as2To", hubAs2Id);
        headers.put("CamelAs2.as2MessageStructure", structure);
        headers.put("CamelAs2.ediMessageContentType", "application/xml");
        headers.put("CamelAs2.ediMessageCharset", "utf-8");
        headers.put("CamelAs2.dispositionNotificationTo", "edi@" + as2Id.toLowerCase());
        headers.put("CamelAs2.signedReceiptMicAlgorithms", "sha-256");
        if (receiptUrl != null) {
            headers.put("CamelAs2.receiptDeliveryOption", receiptUrl);
        }
        if (structure.isSigned()) {
            headers.put("CamelAs2.signingAlgorithm", AS2SignatureAlgorithm.SHA256WITHRSA);
            headers.put("CamelAs2.signingCertificateChain", signer.chain().toArray(new Certificate[0]));
            headers.put("CamelAs2.signingPrivateKey", signer.privateKey());
        }
        if (structure.isEncrypted()) {
            headers.put("CamelAs2.encryptingAlgorithm", AS2EncryptionAlgorithm.AES128_CBC);
            headers.put("CamelAs2.encryptingCertificateChain", new Certificate[] {hubCertificate});
        }
        if (structure.isCompressed()) {
            headers.put("CamelAs2.compressionAlgorithm", AS2CompressionAlgorithm.ZLIB);
        }
        return producer.request(uri, exchange -> {
            exchange.getIn().setHeaders(headers);
            exchange.getIn().setBody(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    /** Starts the party's AS2 server on {@code port} at {@code path}, verifying the hub's signatures. */
    void listen(int port, String path, Certificate hubCertificate) throws Exception {
        camel.getRegistry().bind("hubChain", new Certificate[] {hubCertificate});
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("as2:server/listen?serverPortNumber=" + port + "&requestUriPattern=" + path
                        + "&signingAlgorithm=SHA256WITHRSA&signingPrivateKey=#partnerKey&signingCertificateChain=#partnerChain"
                        + "&validateSigningCertificateChain=#hubChain")
                        .routeId("partnerReceives")
                        .process(e -> received.add(e.getIn().getBody(String.class)));
            }
        });
    }

    /** Starts the party's receiver of asynchronous MDNs ({@code as2:receipt/receive}) on {@code port} at {@code path}. */
    void receiveMdns(int port, String path) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("as2:receipt/receive?asyncMdnPortNumber=" + port + "&requestUriPattern=" + path)
                        .routeId("partnerReceivesMdns")
                        .process(e -> mdns.add(e.getIn().getBody()));
            }
        });
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
