package org.onewindow.as2;

import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.component.as2.api.AS2AsynchronousMDNManager;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.component.as2.api.AS2SignedDataGenerator;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the asynchronous MDNs of the {@link As2Listener}: for a message that asked for one ({@code
 * Receipt-Delivery-Option}), camel-as2's {@link ResponseMDN} leaves the MDN in the request's context instead of the
 * answer; this takes it from there and posts it to the sender's receipt URL, signed with the hub's AS2 key when the
 * sender asked for a signed receipt, on a thread of its own so that the answer is not held up by the sender's server.
 */
final class AsyncReceipts implements HttpResponseInterceptor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncReceipts.class);

    private final String fqdn;
    private final Certificate[] chain;
    private final PrivateKey key;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "as2-async-mdn");
        thread.setDaemon(true);
        return thread;
    });

    AsyncReceipts(String fqdn, Certificate[] chain, PrivateKey key) {
        this.fqdn = fqdn;
        this.chain = chain.clone();
        this.key = key;
    }

    @Override
    public void process(HttpResponse response, EntityDetails entity, HttpContext context) {
        HttpCoreContext interchange = HttpCoreContext.adapt(context);
        String recipient = interchange.getAttribute(AS2AsynchronousMDNManager.RECIPIENT_ADDRESS, String.class);
        if (recipient == null) {
            return;
        }
        DispositionNotificationMultipartReportEntity mdn = interchange.getAttribute(AS2AsynchronousMDNManager.ASYNCHRONOUS_MDN,
                DispositionNotificationMultipartReportEntity.class);
        HttpRequest request = interchange.getRequest();
        // the context serves every request of the connection: the next one must not send this MDN again
        interchange.removeAttribute(AS2AsynchronousMDNManager.RECIPIENT_ADDRESS);
        interchange.removeAttribute(AS2AsynchronousMDNManager.ASYNCHRONOUS_MDN);
        sender.execute(() -> send(request, mdn, recipient));
    }

    private void send(HttpRequest request, DispositionNotificationMultipartReportEntity mdn, String recipient) {
        try {
            AS2AsynchronousMDNManager manager = new AS2AsynchronousMDNManager(As2Listener.AS2_VERSION, As2Listener.SERVER_NAME,
                    fqdn, chain, key, null, null, null);
            AS2SignedDataGenerator signer = ResponseMDN.createSigningGenerator(request, AS2SignatureAlgorithm.SHA256WITHRSA, chain, key);
            if (signer == null) {
                manager.send(mdn, mdn.getMainMessageContentType(), recipient);
            } else {
                MultipartSignedEntity signed = ResponseMDN.prepareSignedReceipt(signer, mdn);
                manager.send(signed, signed.getContentType(), recipient);
            }
        } catch (HttpException | RuntimeException e) {
            LOG.warn("Could not send the asynchronous MDN for AS2 message {} to {}: {}", request.getFirstHeader("Message-Id"),
                    recipient, e.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
