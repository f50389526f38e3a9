package org.onewindow.sftp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The SFTP channel's settings ({@code onewindow.sftp.*} in {@code application.properties}, each documented there):
 * the hub's own SFTP server, and the parties whose mailbox is on an SFTP server of their own, which the hub polls
 * and writes as a client.
 */
public record SftpSettings(boolean enabled, String host, int port, Path hostKey, Path homes, List<RemoteMailbox> remotes) {

    /** A party's mailbox on an external SFTP server: where it is, how the hub logs in, and its folders. */
    public record RemoteMailbox(String party, String host, int port, String user, String privateKey, String knownHosts,
                                String inbox, String outbox, String archive, long pollMs) {

        /** The Camel {@code sftp:} endpoint that writes the party's outbox: a temporary dot-name first, then renamed. */
        public String outboxUri() {
            return "sftp:" + host + ":" + port + "/" + outbox + "?username=" + user + "&privateKeyFile=" + privateKey
                    + "&knownHostsFile=" + knownHosts + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
                    + "&tempFileName=.${file:name}.tmp&binary=true";
        }
    }

    public static SftpSettings from(CamelContext context, Path dataDir) {
        PropertiesComponent p = context.getPropertiesComponent();
        String hostKey = get(p, "onewindow.sftp.host-key", "");
        List<RemoteMailbox> remotes = new ArrayList<>();
        for (String party : get(p, "onewindow.sftp.remote.parties", "").split(",")) {
            if (!party.isBlank()) {
                remotes.add(remote(p, party.strip()));
            }
        }
        return new SftpSettings(
                Boolean.parseBoolean(get(p, "onewindow.sftp.enabled", "true")),
                get(p, "onewindow.sftp.host", "0.0.0.0"),
                Integer.parseInt(get(p, "onewindow.sftp.port", "2222")),
                hostKey.isEmpty() ? dataDir.resolve("sftp").resolve("host-key.pem") : Path.of(hostKey),
                dataDir.resolve("sftp").resolve("home"),
                List.copyOf(remotes));
    }

    private static RemoteMailbox remote(PropertiesComponent p, String party) {
        String prefix = "onewindow.sftp.remote." + party + ".";
        String host = get(p, prefix + "host", "");
        String key = get(p, prefix + "private-key", "");
        String knownHosts = get(p, prefix + "known-hosts", "");
        if (host.isEmpty() || key.isEmpty() || knownHosts.isEmpty()) {
            throw new IllegalArgumentException("The remote SFTP mailbox of party " + party + " needs " + prefix + "host, "
                    + prefix + "private-key and " + prefix + "known-hosts");
        }
        return new RemoteMailbox(party, host, Integer.parseInt(get(p, prefix + "port", "22")), get(p, prefix + "user", party),
                key, knownHosts, get(p, prefix + "inbox", "inbox"), get(p, prefix + "outbox", "outbox"),
                get(p, prefix + "archive", "archive"), Long.parseLong(get(p, prefix + "poll-ms", "5000")));
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
