package org.onewindow.as2;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequestMapper;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.ResponseConnControl;
import org.apache.hc.core5.http.protocol.ResponseContent;
import org.apache.hc.core5.http.protocol.ResponseDate;
import org.apache.hc.core5.http.protocol.ResponseServer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's AS2 listener on {@code onewindow.as2.port}: an HTTP server of its own (HttpCore, which camel-as2 is built
 * on) with {@link As2RequestHandler} on two paths, and camel-as2's MDN writer ({@link ResponseMDN}) after each request.
 * camel-as2's own listener parses a whole request into memory as it reads it, before any hook of the hub could look at
 * its size; here the handler reads at most {@code requestLimit} bytes and refuses a longer request unparsed. The
 * server also binds to {@code onewindow.as2.bind-address} when set (camel-as2's binds to every interface) and gives up
 * on a sender that stops sending for {@code onewindow.intake.read-timeout}.
 *
 * <p>{@code /as2} takes signed (and compressed) messages, {@code /as2/encrypted} encrypted ones, decrypted with the hub's
 * AS2 key. Listening starts once the routes run, as the handler hands each message to {@code direct:acceptAs2Message}.
 */
public final class As2Listener extends ServiceSupport implements StartupListener {
    static final String SIGNED_PATH = "/as2";
    static final String ENCRYPTED_PATH = "/as2/encrypted";
    static final String AS2_VERSION = "1.1";
    static final String SERVER_NAME = "OneWindow";
    private static final Logger LOG = LoggerFactory.getLogger(As2Listener.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final As2Settings settings;
    private final String mdnText;
    private final PrivateKey key;
    private final Certificate[] chain;
    private final ReceiveAs2Message receive;
    private final int requestLimit;
    private final Duration readTimeout;
    private HttpServer server;
    private AsyncReceipts receipts;
    private ProducerTemplate accept;

    As2Listener(As2Settings settings, String mdnText, PrivateKey key, Certificate[] chain, ReceiveAs2Message receive,
                int requestLimit, Duration readTimeout) {
        this.settings = settings;
        this.mdnText = mdnText;
        this.key = key;
        this.chain = chain.clone();
        this.receive = receive;
        this.requestLimit = requestLimit;
        this.readTimeout = readTimeout;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // listens once fully started (below): a message taken earlier would find no route to go to
    }

    @Override
    public synchronized void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        accept = context.createProducerTemplate();
        receipts = new AsyncReceipts(settings.fqdn(), chain, key);
        String mdnFrom = "onewindow@" + settings.fqdn();
        ServerBootstrap bootstrap = ServerBootstrap.bootstrap()
                .setListenerPort(settings.port())
                .setSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).build())
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .add(new ResponseContent(true))
                        .add(new ResponseServer(SERVER_NAME))
                        .add(new ResponseDate())
                        .add(new ResponseConnControl())
                        .add(new ResponseMDN(AS2_VERSION, settings.fqdn(), mdnText))
                        .add(receipts)
                        .build())
                .setRequestRouter(byPath(Map.of(
                        SIGNED_PATH, new As2RequestHandler(chain, key, null, mdnFrom, accept, receive, requestLimit),
                        ENCRYPTED_PATH, new As2RequestHandler(chain, key, key, mdnFrom, accept, receive, requestLimit))))
                .setExceptionListener(new QuietExceptions());
        if (!settings.bindAddress().isEmpty()) {
            bootstrap.setLocalAddress(InetAddress.getByName(settings.bindAddress()));
        }
        server = bootstrap.create();
        server.start();
        LOG.info("AS2 listening on {}:{} ({} and {}; requests up to {} bytes)", settings.bindAddress().isEmpty() ? "*"
                : settings.bindAddress(), server.getLocalPort(), SIGNED_PATH, ENCRYPTED_PATH, requestLimit);
    }

    /**
     * The handler of a request's path, whatever host it names (HttpCore's default router answers 421 to a host other
     * than this machine's canonical name, e.g. a partner posting to an IP address); none, so 404, for other paths.
     */
    private static HttpRequestMapper<HttpRequestHandler> byPath(Map<String, HttpRequestHandler> handlers) {
        return (request, context) -> {
            String path = request.getPath();
            int query = path.indexOf('?');
            return handlers.get(query < 0 ? path : path.substring(0, query));
        };
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (server != null) {
            server.initiateShutdown();
            server.awaitTermination(TimeValue.of(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS));
            server.close(CloseMode.IMMEDIATE);
            server = null;
        }
        if (receipts != null) {
            receipts.close();
            receipts = null;
        }
        if (accept != null) {
            accept.close();
            accept = null;
        }
    }

    /** Connections that end or stall are routine for a server on the network: a line each, no stack trace. */
    private static final class QuietExceptions implements ExceptionListener {
        @Override
        public void onError(Exception e) {
            if (routine(e)) {
                LOG.debug("AS2 listener: {}", e.toString());
            } else {
                LOG.warn("AS2 listener: {}", e.toString());
            }
        }

        @Override
        public void onError(HttpConnection connection, Exception e) {
            if (routine(e)) {
                LOG.debug("AS2 connection {} ended: {}", connection.getRemoteAddress(), e.toString());
            } else {
                LOG.warn("AS2 connection {}: {}", connection.getRemoteAddress(), e.toString());
            }
        }

        /** A sender that went away or fell silent, or the listener closing its socket as it stops. */
        private static boolean routine(Exception e) {
            return e instanceof SocketTimeoutException || e instanceof ConnectionClosedException || e instanceof SocketException;
        }
    }
}
