package org.onewindow.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.KeyMaterial;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The offline trust commands, which need no running hub: {@code sign}, {@code verify} and {@code pki}
 * ({@link #USAGE}). Exit code 0 on success, 1 when a file could not be read or written or a signature was
 * refused, 2 for a command line that cannot be run. Errors are one line on standard error.
 */
final class TrustCommands {
    /** The first arguments that name one of these commands. */
    static final Set<String> NAMES = Set.of("sign", "verify", "pki");

    static final String USAGE = """
            usage: sign --key KEY.p12 [--password PW] IN.xml [OUT.xml]
                   sign --key KEY.pem --cert CERT.pem IN.xml [OUT.xml]
                        appends the enveloped signature (docs/signatures.md); without OUT.xml to standard output
                   verify FILE.xml…
                        prints the signer's subject and OK, or the fault (MISSING, DIGEST_MISMATCH, …)
                   pki ca --out CA.p12 [--subject DN] [--key-type ec|rsa] [--days N] [--password PW]
                        creates a demo CA (default CN=OneWindow Demo CA, ec, 3650 days) and CA.pem beside it
                   pki issue --ca CA.p12 [--ca-password PW] --subject DN --out PARTY.p12 [--key-type ec|rsa] [--days N] [--password PW]
                             [--hosts H1,H2]
                        issues a party key and certificate (default ec, 365 days) and PARTY.pem beside it;
                        with --hosts localhost,127.0.0.1 a TLS server certificate naming those hosts
            Passwords default to "%s": demo material only.""".formatted(KeyMaterial.DEMO_PASSWORD);

    private TrustCommands() {
    }

    /** Runs {@code sign …}, {@code verify …} or {@code pki …} (args[0] is the command). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return switch (args[0]) {
                case "sign" -> SignCommand.run(CommandArguments.parse(args, 1, SignCommand.OPTIONS), out, err);
                case "verify" -> VerifyCommand.run(CommandArguments.parse(args, 1, Set.of()), out, err);
                default -> PkiCommand.run(args, out, err);
            };
        } catch (CliOptions.Invalid e) {
            err.println("onewindow: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    /** The {@code --password}-style option as a password, the demo one when it was not given. */
    static char[] password(CommandArguments arguments, String option) {
        return arguments.option(option, KeyMaterial.DEMO_PASSWORD).toCharArray();
    }

    /** Parses a message file with the hub's hardened parser; the exception's message is one line for the user. */
    static Document parse(Path file) throws Unreadable {
        try {
            return SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + Cli.reason(e));
        } catch (SAXException e) {
            throw new Unreadable(file + " is not well-formed XML the hub accepts: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser is unavailable", e);
        }
    }

    /** A file that cannot be used; the message is one line for the user. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }
}
