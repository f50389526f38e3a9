package org.onewindow.as2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.as2.api.AS2AsynchronousMDNManager;
import org.apache.camel.component.as2.api.AS2ServerConnection;
import org.apache.camel.component.as2.api.AS2ServerManager;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.entity.EntityParser;
import org.apache.camel.component.as2.api.exception.AS2ErrorDispositionException;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.HttpMessageUtils;
import org.apache.camel.component.as2.api.util.HttpMessageUtils.DecrpytingAndSigningInfo;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.BasicHttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.onewindow.intake.BodyHead;
import org.onewindow.intake.StreamedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one AS2 request on a path of the {@link As2Listener}: reads its body, keeping at most the request limit, and
 * refuses a longer one at once with HTTP 413 and W005 (stored truncated by {@link ReceiveAs2Message#refuseOversized});
 * no MDN, as its MIC would need the whole message. A body within the limit goes on as camel-as2's own listener would
 * take it: parsed, decrypted with this path's key, and handed to {@code direct:acceptAs2Message} with the request's
 * context, where {@link ReceiveAs2Message} chooses the disposition of the MDN written after the handler.
 */
final class As2RequestHandler implements HttpRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(As2RequestHandler.class);
    private static final String ACCEPT = "direct:acceptAs2Message";

    private final Certificate[] chain;
    private final PrivateKey signingKey;
    private final PrivateKey decryptingKey;
    private final String mdnFrom;
    private final ProducerTemplate accept;
    private final ReceiveAs2Message receive;
    private final int requestLimit;

    /**
     * @param chain the hub's AS2 certificate chain and {@code signingKey} its key: the MDN is signed with them
     * @param decryptingKey the key to decrypt with on this path; null on the path for unencrypted messages
     */
    As2RequestHandler(Certificate[] chain, PrivateKey signingKey, PrivateKey decryptingKey, String mdnFrom, ProducerTemplate accept,
                      ReceiveAs2Message receive, int requestLimit) {
        this.chain = chain.clone();
        this.signingKey = signingKey;
        this.decryptingKey = decryptingKey;
        this.mdnFrom = mdnFrom;
        this.accept = accept;
        this.receive = receive;
        this.requestLimit = requestLimit;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws HttpException, IOException {
        prepareTheMdn(request, context);
        HttpEntity entity = request.getEntity();
        BodyHead head = StreamedBody.read(entity == null ? null : entity.getContent(), requestLimit);
        if (head.tooLarge()) {
            String answer = receive.refuseOversized(request, head.bytes(), requestLimit);
            response.setCode(HttpStatus.SC_REQUEST_TOO_LONG);
            response.setHeader("Connection", "close");
            response.setEntity(new StringEntity(answer + "\n", ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
            return;
        }
        if (entity != null) {
            // camel-as2's parser takes a streaming entity only
            byte[] body = head.bytes();
            request.setEntity(new BasicHttpEntity(new ByteArrayInputStream(body), body.length,
                    ContentType.parse(entity.getContentType()), entity.getContentEncoding()));
        }
        Exception failure = null;
        try {
            EntityParser.parseAS2MessageEntity(request);
            ApplicationEntity payload = HttpMessageUtils.extractEdiPayload(request, new DecrpytingAndSigningInfo(null, decryptingKey));
            Exchange exchange = accept.getCamelContext().getEndpoint(ACCEPT).createExchange();
            exchange.setProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.adapt(context));
            exchange.getIn().setBody(payload.getEdiMessage());
            failure = accept.send(ACCEPT, exchange).getException();
        } catch (AS2ErrorDispositionException e) {
            // camel-as2's own verdict on the message (e.g. it could not be decrypted): the MDN states it
            LOG.warn("Failed to process AS2 message", e);
            context.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, e.getDispositionModifier());
        } catch (Exception e) {
            LOG.warn("Failed to process AS2 message", e);
            failure = e;
        }
        if (failure != null) {
            throw new HttpException("Failed to process AS2 message: " + failure.getMessage(), failure);
        }
    }

    /**
     * What camel-as2's MDN writer reads from the request's context: this path's keys, the MDN's From, and the request,
     * which it looks up by attribute name (HttpCore's own server keeps it in a field of the context).
     */
    private void prepareTheMdn(ClassicHttpRequest request, HttpContext context) {
        context.setAttribute(AS2AsynchronousMDNManager.HTTP_REQUEST, request);
        context.setAttribute(AS2ServerConnection.AS2_SIGNING_ALGORITHM, AS2SignatureAlgorithm.SHA256WITHRSA);
        context.setAttribute(AS2ServerConnection.AS2_SIGNING_CERTIFICATE_CHAIN, chain);
        context.setAttribute(AS2ServerConnection.AS2_SIGNING_PRIVATE_KEY, signingKey);
        context.setAttribute(AS2ServerConnection.AS2_DECRYPTING_PRIVATE_KEY, decryptingKey);
        context.setAttribute(AS2ServerManager.FROM, mdnFrom);
    }
}
