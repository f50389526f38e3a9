package org.onewindow.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's own command-line tools as a back office runs them: {@code ssh-keygen} makes a key pair, {@code sftp -b}
 * runs a batch of SFTP commands against the hub (or any SFTP server) with that key.
 */
final class OpenSsh {
    private OpenSsh() {
    }

    /** The outcome of one {@code sftp -b} run: its exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    /** A fresh ECDSA P-256 key pair without passphrase in PEM form ({@code name}, {@code name.pub}); returns the private key. */
    static Path keygen(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Run run = run(dir, List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-m", "PEM", "-N", "", "-C", name, "-f", key.toString()));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + run.output());
        }
        return key;
    }

    static String publicKey(Path privateKey) throws IOException {
        return Files.readString(Path.of(privateKey + ".pub")).strip();
    }

    /** Runs {@code sftp -b batch -i key -P port user@127.0.0.1} in {@code dir} (local paths are relative to it). */
    static Run sftp(Path dir, Path key, int port, String user, String... commands) throws IOException, InterruptedException {
        Path batch = Files.createTempFile(dir, "batch", ".txt");
        Files.write(batch, List.of(commands), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("sftp", "-b", batch.toString(), "-i", key.toString(), "-P", String.valueOf(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
                "-o", "LogLevel=ERROR", user + "@127.0.0.1"));
        try {
            return run(dir, command);
        } finally {
            Files.delete(batch);
        }
    }

    private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
