package org.onewindow.sftp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the routes run: connects the hub's SFTP server to the intake route ({@code direct:receiveSftpUpload}), and
 * starts one polling route per remote SFTP mailbox from the {@code pollRemoteSftpMailbox} template.
 */
public final class SftpIntakeRoutes implements StartupListener {
    private static final Logger LOG = LoggerFactory.getLogger(SftpIntakeRoutes.class);
    private final InboxWatch watch;
    private final SftpSettings settings;

    public SftpIntakeRoutes(InboxWatch watch, SftpSettings settings) {
        this.watch = watch;
        this.settings = settings;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        watch.connect(upload -> template.sendBody("direct:receiveSftpUpload", upload));
    }

    /** Routes added once the context runs start at once (added earlier, in the starting phase, they would not). */
    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        for (SftpSettings.RemoteMailbox remote : settings.remotes()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("party", remote.party());
            parameters.put("host", remote.host());
            parameters.put("port", remote.port());
            parameters.put("user", remote.user());
            parameters.put("privateKey", remote.privateKey());
            parameters.put("knownHosts", remote.knownHosts());
            parameters.put("inbox", remote.inbox());
            parameters.put("archive", remote.archive());
            parameters.put("pollMs", remote.pollMs());
            String routeId = context.addRouteFromTemplate("pollRemoteSftpMailbox-" + remote.party(), "pollRemoteSftpMailbox", parameters);
            LOG.info("Route {} polls the SFTP mailbox of party {} at {}:{}/{}", routeId, remote.party(), remote.host(), remote.port(),
                    remote.inbox());
        }
    }
}
