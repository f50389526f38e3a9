package org.onewindow.as2;

import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.as2.api.AS2CompressionAlgorithm;
import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.onewindow.message.Headers;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply to a party over AS2 as its agreement says, and checks the answer. {@link #prepare} turns a message
 * from {@code onewindow.deliver.as2} into the camel-as2 client's arguments (headers {@code CamelAs2.*}: AS2 names,
 * structure, the party's certificate to encrypt to, a signed MDN asked for) and the target host, port and path;
 * {@link #checkReceipt} accepts only a {@code processed} MDN signed by the party's agreement certificate and raises
 * {@link As2DeliveryFailed} otherwise. A party without an agreement or reply URL keeps the reply in its pull mailbox
 * only (logged; nothing to retry).
 */
public final class DeliverAs2 {
    /** Set to true when the message has nowhere to go over AS2 and the route stops. */
    public static final String UNDELIVERABLE = "OneWindowAs2Undeliverable";
    private static final Logger LOG = LoggerFactory.getLogger(DeliverAs2.class);
    private static final String ARG = "CamelAs2.";

    private final MessageStore messages;
    private final As2AgreementStore agreements;
    private final String hubAs2Id;

    public DeliverAs2(MessageStore messages, As2AgreementStore agreements, String hubAs2Id) {
        this.messages = messages;
        this.agreements = agreements;
        this.hubAs2Id = hubAs2Id;
    }

    public void prepare(Exchange exchange) {
        Message in = exchange.getIn();
        String hubId = in.getHeader(Headers.HUB_ID, String.class);
        String party = in.getHeader(Headers.RECIPIENT, String.class);
        if (party == null) {
            party = messages.find(hubId).map(StoredMessage::recipient).orElse(null);
        }
        Optional<As2Agreement> found = party == null ? Optional.empty() : agreements.ofParty(party);
        if (found.isEmpty() || found.get().replyUrl() == null) {
            LOG.warn("Reply {} to {} stays in its pull mailbox only: the party has no AS2 agreement with a reply URL", hubId, party);
            in.setHeader(UNDELIVERABLE, true);
            return;
        }
        As2Agreement agreement = found.get();
        in.setHeader(Headers.RECIPIENT, party);
        in.setHeader("As2TargetHost", agreement.replyUrl().getHost());
        in.setHeader("As2TargetPort", agreement.replyUrl().getPort() > 0 ? agreement.replyUrl().getPort()
                : "https".equals(agreement.replyUrl().getScheme()) ? 443 : 80);
        String path = agreement.replyUrl().getRawPath();
        in.setHeader(ARG + "requestUri", path == null || path.isEmpty() ? "/" : path);
        in.setHeader(ARG + "as2From", hubAs2Id);
        in.setHeader(ARG + "as2To", agreement.as2Id());
        in.setHeader(ARG + "subject", "OneWindow " + in.getHeader(Headers.MESSAGE_TYPE, "message", String.class) + " " + hubId);
        in.setHeader(ARG + "as2MessageStructure", structure(agreement));
        in.setHeader(ARG + "ediMessageContentType", "application/xml");
        in.setHeader(ARG + "ediMessageCharset", "utf-8");
        in.setHeader(ARG + "dispositionNotificationTo", "onewindow@" + hubAs2Id);
        in.setHeader(ARG + "signedReceiptMicAlgorithms", "sha-256");
        if (agreement.compressed()) {
            in.setHeader(ARG + "compressionAlgorithm", AS2CompressionAlgorithm.ZLIB);
        }
        if (agreement.encrypted()) {
            in.setHeader(ARG + "encryptingAlgorithm", AS2EncryptionAlgorithm.AES128_CBC);
            in.setHeader(ARG + "encryptingCertificateChain", new Certificate[] {agreement.certificate()});
        }
        in.setBody(new String(in.getBody(byte[].class), StandardCharsets.UTF_8));
    }

    /** After the send: the MDN must be signed by the party and say {@code processed}. */
    public void checkReceipt(Exchange exchange) {
        String party = exchange.getIn().getHeader(Headers.RECIPIENT, String.class);
        String hubId = exchange.getIn().getHeader(Headers.HUB_ID, String.class);
        As2Agreement agreement = agreements.ofParty(party)
                .orElseThrow(() -> new As2DeliveryFailed("the AS2 agreement of " + party + " was removed during delivery"));
        As2Receipt receipt = As2Receipt.of(exchange.getMessage().getBody());
        if (receipt == null) {
            throw new As2DeliveryFailed("party " + party + " answered reply " + hubId + " without an MDN");
        }
        if (!receipt.signedBy(agreement.certificate())) {
            throw new As2DeliveryFailed("the MDN of party " + party + " for reply " + hubId
                    + " is not signed by the certificate of its AS2 agreement");
        }
        if (!receipt.processed()) {
            throw new As2DeliveryFailed("party " + party + " answered reply " + hubId + " with " + receipt.disposition());
        }
        LOG.info("Delivered reply {} to {} over AS2: {}", hubId, party, receipt.disposition());
    }

    /** The camel-as2 structure for what the agreement wants: signed, then compressed, then encrypted (RFC 5402). */
    static AS2MessageStructure structure(As2Agreement a) {
        if (a.encrypted()) {
            if (a.signed()) {
                return a.compressed() ? AS2MessageStructure.ENCRYPTED_SIGNED_COMPRESSED : AS2MessageStructure.SIGNED_ENCRYPTED;
            }
            return a.compressed() ? AS2MessageStructure.ENCRYPTED_COMPRESSED : AS2MessageStructure.ENCRYPTED;
        }
        if (a.signed()) {
            return a.compressed() ? AS2MessageStructure.SIGNED_COMPRESSED : AS2MessageStructure.SIGNED;
        }
        return a.compressed() ? AS2MessageStructure.PLAIN_COMPRESSED : AS2MessageStructure.PLAIN;
    }
}
