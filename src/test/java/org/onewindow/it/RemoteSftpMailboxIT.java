package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.sftp.SshPublicKey;

/**
 * SFTP client mode: the importer keeps its mailbox on an SFTP server of its own (here a second Apache SSHD server the
 * test runs, which lets in only the hub's key, and whose host key the hub checks against a known_hosts file). The hub
 * polls the mailbox's inbox, admits the declaration found there, moves it to the archive folder and writes the merged
 * acknowledgement to the outbox folder (a temporary name first, then renamed).
 */
class RemoteSftpMailboxIT {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    private static final String IMPORTER = "24536806";
    private static final String REMOTE_USER = "partner";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path remoteRoot;
    @TempDir
    static Path keys;
    static SshServer remote;
    static TestHub hub;
    static HubClient client;

    @BeforeAll
    static void startRemoteServerAndHub() throws Exception {
        Path hubKey = OpenSsh.keygen(keys, "hub-client");
        PublicKey allowed = SshPublicKey.parse(OpenSsh.publicKey(hubKey)).key();
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(keys.resolve("remote-host.pem"));
        hostKey.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKey.setKeySize(256);
        VirtualFileSystemFactory files = new VirtualFileSystemFactory();
        files.setUserHomeDir(REMOTE_USER, remoteRoot);
        for (String folder : List.of("inbox", "outbox", "archive")) {
            Files.createDirectories(remoteRoot.resolve(folder));
        }
        remote = SshServer.setUpDefaultServer();
        remote.setHost("127.0.0.1");
        remote.setPort(0);
        remote.setKeyPairProvider(hostKey);
        remote.setPublickeyAuthenticator((user, key, session) -> REMOTE_USER.equals(user) && KeyUtils.compareKeys(allowed, key));
        remote.setPasswordAuthenticator(null);
        remote.setKeyboardInteractiveAuthenticator(null);
        remote.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        remote.setFileSystemFactory(files);
        remote.start();
        Path knownHosts = keys.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + remote.getPort() + " "
                + PublicKeyEntry.toString(hostKey.loadKeys(null).iterator().next().getPublic()) + "\n");

        Properties remoteMailbox = new Properties();
        String prefix = "onewindow.sftp.remote." + IMPORTER + ".";
        remoteMailbox.setProperty("onewindow.sftp.remote.parties", IMPORTER);
        remoteMailbox.setProperty(prefix + "host", "127.0.0.1");
        remoteMailbox.setProperty(prefix + "port", String.valueOf(remote.getPort()));
        remoteMailbox.setProperty(prefix + "user", REMOTE_USER);
        remoteMailbox.setProperty(prefix + "private-key", hubKey.toString());
        remoteMailbox.setProperty(prefix + "known-hosts", knownHosts.toString());
        remoteMailbox.setProperty(prefix + "poll-ms", "500");
        hub = new TestHub(dataDir, remoteMailbox).start();
        client = new HubClient(hub);
    }

    @AfterAll
    static void stopAll() throws Exception {
        client.close();
        hub.stop();
        remote.stop(true);
    }

    @Test
    void theHubTakesADeclarationFromThePartysOwnSftpServerAndWritesTheAcknowledgementBackThere() throws Exception {
        String number = "AA  14K7380001";
        Path upload = remoteRoot.resolve("inbox/.declaration.xml.tmp");
        Files.write(upload, HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(number)));
        Files.move(upload, remoteRoot.resolve("inbox/declaration.xml"), StandardCopyOption.ATOMIC_MOVE);

        String reply = awaitOutboxFile("NX5106", number);
        assertThat(reply).contains("<ID>" + number + "</ID>");
        assertThat(remoteRoot.resolve("archive/declaration.xml")).exists();
        assertThat(remoteRoot.resolve("inbox/declaration.xml")).doesNotExist();
        // the hub uploads under a temporary name (a later reply may be on its way): once none is in progress, every
        // file it wrote has its final name
        List<String> names = Poll.until("the hub's uploads to the remote outbox to finish", REPLY_WAIT, () -> {
            List<String> listed = outboxNames();
            return listed.stream().anyMatch(name -> name.startsWith(".")) ? null : listed;
        });
        assertThat(names).allMatch(name -> name.matches("[A-Z0-9_]+-[0-9a-f-]{36}\\.xml"));
    }

    private static List<String> outboxNames() throws java.io.IOException {
        try (Stream<Path> outbox = Files.list(remoteRoot.resolve("outbox"))) {
            return outbox.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String awaitOutboxFile(String type, String text) throws Exception {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> outbox = Files.list(remoteRoot.resolve("outbox"))) {
                Optional<String> found = outbox.filter(p -> p.getFileName().toString().startsWith(type + "-"))
                        .map(RemoteSftpMailboxIT::read).filter(body -> body.contains(text)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No " + type + " with " + text + " in the remote outbox within " + REPLY_WAIT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
