package org.onewindow.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;
import org.onewindow.party.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the same HTTP API — the very router of the hub's HTTP server, with its authentication guard — over TLS,
 * asking every client for its certificate. Camel's platform HTTP server can do TLS but never asks for a client
 * certificate (its options keep Vert.x's ClientAuth NONE), so certificate authentication needs a listener of our own.
 * A registered client certificate then names its party (see {@link AuthenticateCaller}); without one a caller may
 * still present its API token, unless {@code onewindow.https.client-certificate=need}.
 */
public final class HttpsListener extends ServiceSupport implements StartupListener {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsListener.class);
    private static final long LISTEN_TIMEOUT_SECONDS = 30;

    private final HttpsSettings settings;
    private final X509Certificate localAuthority;
    private HttpServer server;

    /** @param localAuthority the anchor trusted for client certificates when no trust store is configured */
    public HttpsListener(HttpsSettings settings, X509Certificate localAuthority) {
        this.settings = settings;
        this.localAuthority = localAuthority;
    }

    @Override
    public synchronized void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        if (server != null || settings.port().isEmpty()) {
            return;
        }
        VertxPlatformHttpRouter router = context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("HTTPS needs the hub's HTTP server (camel-platform-http-main)"));
        HttpServerOptions options = new HttpServerOptions().setSsl(true).setPort(settings.port().get())
                .setKeyCertOptions(new PfxOptions().setPath(settings.keyStore().toString()).setPassword(settings.keyStorePassword()))
                .setClientAuth(settings.clientCertificateRequired() ? ClientAuth.REQUIRED : ClientAuth.REQUEST);
        if (settings.trustStore().isPresent()) {
            options.setTrustOptions(new PfxOptions().setPath(settings.trustStore().get().toString())
                    .setPassword(settings.trustStorePassword()));
        } else {
            options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(Certificates.toPem(localAuthority))));
        }
        server = router.vertx().createHttpServer(options).requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LOG.info("HTTPS on port {} (client certificates {}), trusting {}", server.actualPort(),
                settings.clientCertificateRequired() ? "required" : "asked for",
                settings.trustStore().map(Object::toString).orElse("the local CA"));
    }

    /** The port it listens on (useful when configured as 0, any free port); -1 when not listening. */
    public synchronized int port() {
        return server == null ? -1 : server.actualPort();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server = null;
        }
    }
}
