package org.onewindow.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.onewindow.trust.CertificateCheck;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyMaterialException;
import org.onewindow.trust.KeyType;

/**
 * {@code pki ca …} creates a demo certificate authority, {@code pki issue …} a party key and certificate
 * under it (or, with {@code --hosts}, a TLS server's) ({@link TrustCommands#USAGE}). Each writes a PKCS#12 file and, beside it, the certificate chain
 * as PEM (same name, {@code .pem}), for the party registry.
 */
final class PkiCommand {
    private static final Set<String> CA_OPTIONS = Set.of("--out", "--subject", "--key-type", "--days", "--password");
    private static final Set<String> ISSUE_OPTIONS =
            Set.of("--ca", "--ca-password", "--out", "--subject", "--key-type", "--days", "--password", "--hosts");
    private static final String DEFAULT_CA_SUBJECT = "CN=OneWindow Demo CA,O=OneWindow";

    private PkiCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws CliOptions.Invalid {
        String action = args.length > 1 ? args[1] : "";
        boolean ca = action.equals("ca");
        if (!ca && !action.equals("issue")) {
            throw new CliOptions.Invalid("pki takes ca or issue");
        }
        CommandArguments arguments = CommandArguments.parse(args, 2, ca ? CA_OPTIONS : ISSUE_OPTIONS);
        if (!arguments.arguments().isEmpty()) {
            throw new CliOptions.Invalid("pki " + action + " takes options only, not " + arguments.arguments().get(0));
        }
        Path target = Path.of(arguments.required("--out"));
        KeyType keyType = keyType(arguments.option("--key-type", "ec"));
        Duration validity = days(arguments.option("--days", ca ? "3650" : "365"));
        try {
            KeyMaterial made = ca
                    ? DemoCertificateAuthority.create(arguments.option("--subject", DEFAULT_CA_SUBJECT), keyType, validity).material()
                    : issue(authority(arguments), arguments, keyType, validity);
            made.writePkcs12(target, TrustCommands.password(arguments, "--password"));
            Path pem = pemBeside(target);
            made.writeCertificatePem(pem);
            out.println("wrote " + target + " and " + pem + ": " + CertificateCheck.describe(made.certificate())
                    + ", valid until " + made.certificate().getNotAfter().toInstant());
            return 0;
        } catch (KeyMaterialException e) {
            err.println("onewindow: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("onewindow: " + e.getMessage());
            return 2;
        }
        return 1;
    }

    /** A party's key, or with {@code --hosts a,b} a TLS server's, whose certificate names those hosts. */
    private static KeyMaterial issue(DemoCertificateAuthority authority, CommandArguments arguments, KeyType keyType,
            Duration validity) throws CliOptions.Invalid {
        String subject = arguments.required("--subject");
        String hosts = arguments.option("--hosts", null);
        return hosts == null ? authority.issue(subject, keyType, validity)
                : authority.issueServer(subject, keyType, validity, List.of(hosts.split(",")));
    }

    private static DemoCertificateAuthority authority(CommandArguments arguments) throws CliOptions.Invalid, KeyMaterialException {
        Path file = Path.of(arguments.required("--ca"));
        return new DemoCertificateAuthority(KeyMaterial.fromPkcs12(file, TrustCommands.password(arguments, "--ca-password")));
    }

    private static Path pemBeside(Path p12) {
        String name = p12.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".p12") ? name.substring(0, name.length() - 4) : name;
        return p12.resolveSibling(base + ".pem");
    }

    private static KeyType keyType(String name) throws CliOptions.Invalid {
        try {
            return KeyType.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new CliOptions.Invalid(e.getMessage());
        }
    }

    private static Duration days(String value) throws CliOptions.Invalid {
        try {
            int days = Integer.parseInt(value);
            if (days < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException e) {
            throw new CliOptions.Invalid("--days takes a whole number of days from 1, not " + value);
        }
    }
}
