package org.onewindow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline trust commands as a user runs them: make a demo CA, issue a party key, sign, verify. */
class TrustCommandsTest {
    private static final Path SAMPLE = Path.of("samples/NX5105/valid/food-liquor.xml");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPartyIssuedByTheDemoCaSignsAndTheSignatureVerifies() throws Exception {
        assertThat(run("pki", "ca", "--out", dir.resolve("ca.p12").toString(), "--key-type", "rsa")).isZero();
        assertThat(dir.resolve("ca.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(run("pki", "issue", "--ca", dir.resolve("ca.p12").toString(), "--subject", "CN=12345675,O=Formosa Foods",
                "--key-type", "ec", "--days", "30", "--out", dir.resolve("party.p12").toString(), "--password=secret")).isZero();
        assertThat(stdout()).contains("party.p12 and ").contains("party.pem: CN=12345675,O=Formosa Foods (serial ");

        Path signed = dir.resolve("signed.xml");
        assertThat(run("sign", "--key", dir.resolve("party.p12").toString(), "--password", "secret", SAMPLE.toString(),
                signed.toString())).isZero();
        assertThat(signed).content().contains("ecdsa-sha256").endsWith("</ds:Signature></Declaration>");

        assertThat(run("verify", signed.toString())).isZero();
        assertThat(stdout()).startsWith(signed + ": OK signed by CN=12345675,O=Formosa Foods (serial ").endsWith(")\n");
    }

    @Test
    void anAlteredOrUnsignedMessageIsRefusedWithItsFault() throws Exception {
        run("pki", "ca", "--out", dir.resolve("ca.p12").toString());
        run("pki", "issue", "--ca", dir.resolve("ca.p12").toString(), "--subject", "CN=12345675", "--out", dir.resolve("party.p12").toString());
        assertThat(run("sign", "--key", dir.resolve("party.p12").toString(), SAMPLE.toString())).isZero();
        String signed = stdout();
        Path altered = dir.resolve("altered.xml");
        Files.writeString(altered, signed.replace("<FunctionCode>9</FunctionCode>", "<FunctionCode>5</FunctionCode>"));

        assertThat(run("verify", altered.toString(), SAMPLE.toString())).isEqualTo(1);

        assertThat(stdout()).contains(altered + ": REFUSED DIGEST_MISMATCH The message was altered after it was signed")
                .contains(SAMPLE + ": REFUSED MISSING The message is not signed");
    }

    @Test
    void aWrongPasswordOrABadCommandLineIsOneLine() throws Exception {
        run("pki", "ca", "--out", dir.resolve("ca.p12").toString());

        assertThat(run("sign", "--key", dir.resolve("ca.p12").toString(), "--password", "nope", SAMPLE.toString())).isEqualTo(1);
        assertThat(stderr()).isEqualTo("onewindow: " + dir.resolve("ca.p12") + ": wrong password\n");

        assertThat(run("pki", "issue", "--ca", dir.resolve("ca.p12").toString(), "--out", "x.p12")).isEqualTo(2);
        assertThat(stderr()).startsWith("onewindow: --subject is required\nusage:").contains("default to \"changeit\"");

        assertThat(run("pki", "ca", "--out", dir.resolve("other.p12").toString(), "--key-type", "dsa")).isEqualTo(2);
        assertThat(stderr()).startsWith("onewindow: the key type must be ec or rsa, not dsa\n");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
