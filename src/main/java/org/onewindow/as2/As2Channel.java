package org.onewindow.as2;

import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.onewindow.intake.MimeBase64;
import org.onewindow.ops.DiskSpaceGuard;
import org.onewindow.party.PartyStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.trust.HubCredentials;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;

/**
 * Wires the AS2 channel: the hub's AS2 key, the agreements, the listener ({@link As2Listener}, unless
 * {@code onewindow.as2.enabled} is false), the steps of {@code intake-as2} and {@code deliver-as2} and the agreement
 * API, bound under the names the route files use.
 *
 * <p>AS2 has its own RSA key ({@code <data-dir>/pki/as2.p12}, issued by the local CA at first start) rather than the
 * hub's XML-signing key: that one is EC P-256 by default, and camel-as2 4.17 encrypts only by RSA key transport
 * (BouncyCastle's {@code JceKeyTransRecipientInfoGenerator}), so partners could not encrypt to an EC hub key.
 */
public final class As2Channel {
    /** The MDN's human-readable part (a Velocity template of camel-as2): what was received, and what the hub did. */
    private static final String MDN_TEXT = "MDN for Message-ID: $requestHeaders[\"Message-Id\"]\n"
            + "  From: $requestHeaders[\"AS2-From\"]  To: $requestHeaders[\"AS2-To\"]\n"
            + "  Received on: $responseHeaders[\"Date\"]\n"
            + " Status: $dispositionType #if($dispositionModifier)$dispositionModifier#end\n"
            + " $!requestHeaders[\"" + ReceiveAs2Message.DETAIL + "\"]\n";

    /** Room for the MIME headers, the signature with its certificates and the encryption's envelope. */
    private static final int ENVELOPE_ALLOWANCE = 64 * 1024;

    private As2Channel() {
    }

    /**
     * The longest request a message of {@code maxBytes} can make: signed, it may be base64-encoded in its MIME part,
     * and encrypted, that again.
     */
    static int largestRequest(int maxBytes) {
        return (int) Math.min(Integer.MAX_VALUE - 8, MimeBase64.encodedLength(MimeBase64.encodedLength(maxBytes)) + ENVELOPE_ALLOWANCE);
    }

    public static void bind(CamelContext context, Registry registry, Jdbc jdbc, MessageStore messages, PartyStore parties,
                            HubCredentials credentials, DiskSpaceGuard disk, Path dataDir, int maxBytes, Duration readTimeout,
                            Clock clock)
            throws Exception {
        As2Settings settings = As2Settings.from(context, dataDir);
        KeyMaterial key = credentials.transportKey(settings.key(), "CN=" + settings.hubAs2Id() + ",O=OneWindow hub AS2",
                KeyType.RSA_2048);
        registry.bind("as2PrivateKey", key.privateKey());
        registry.bind("as2CertificateChain", key.chain().toArray(new Certificate[0]));
        As2AgreementStore store = new As2AgreementStore(jdbc);
        registry.bind("as2AgreementApi", new As2AgreementApi(store, new As2Agreements(jdbc, parties, store, clock),
                new As2HubProfile(settings.hubAs2Id(), settings.publicUrl(), key.certificate())));
        ReceiveAs2Message receive = new ReceiveAs2Message(jdbc, messages, store, new As2MessageIds(jdbc, clock), key.privateKey(),
                disk, maxBytes);
        registry.bind("receiveAs2Message", receive);
        if (settings.enabled()) {
            As2Listener listener = new As2Listener(settings, MDN_TEXT, key.privateKey(), key.chain().toArray(new Certificate[0]),
                    receive, largestRequest(maxBytes), readTimeout);
            context.addService(listener);
            context.addStartupListener(listener);
        }
        registry.bind("deliverAs2", new DeliverAs2(messages, store, settings.hubAs2Id()));
    }
}
