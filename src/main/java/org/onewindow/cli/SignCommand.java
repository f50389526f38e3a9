package org.onewindow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.onewindow.trust.CertificateCheck;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyMaterialException;
import org.onewindow.trust.XmlSigner;

/**
 * {@code sign --key KEY.p12 [--password PW] IN.xml [OUT.xml]}, or with {@code --key KEY.pem --cert CERT.pem}:
 * appends the OneWindow enveloped signature to the message and writes it to OUT.xml, or to standard output.
 */
final class SignCommand {
    static final Set<String> OPTIONS = Set.of("--key", "--password", "--cert");

    private SignCommand() {
    }

    static int run(CommandArguments arguments, PrintStream out, PrintStream err) throws CliOptions.Invalid {
        Path keyFile = Path.of(arguments.required("--key"));
        if (arguments.arguments().isEmpty() || arguments.arguments().size() > 2) {
            throw new CliOptions.Invalid("sign takes IN.xml and, optionally, OUT.xml");
        }
        Path in = Path.of(arguments.arguments().get(0));
        Path target = arguments.arguments().size() == 2 ? Path.of(arguments.arguments().get(1)) : null;
        try {
            String certificate = arguments.option("--cert", null);
            KeyMaterial key = certificate == null
                    ? KeyMaterial.fromPkcs12(keyFile, TrustCommands.password(arguments, "--password"))
                    : KeyMaterial.fromPem(keyFile, Path.of(certificate));
            byte[] signed = new XmlSigner(key).signedBytes(TrustCommands.parse(in));
            if (target == null) {
                out.write(signed);
                out.flush();
            } else {
                Files.write(target, signed);
                out.println("signed " + in + " as " + CertificateCheck.describe(key.certificate()) + " into " + target);
            }
            return 0;
        } catch (KeyMaterialException | TrustCommands.Unreadable e) {
            err.println("onewindow: " + e.getMessage());
        } catch (IOException e) {
            err.println("onewindow: cannot write " + target + ": " + Cli.reason(e));
        } catch (IllegalArgumentException e) {
            err.println("onewindow: " + keyFile + ": " + e.getMessage());
        }
        return 1;
    }
}
