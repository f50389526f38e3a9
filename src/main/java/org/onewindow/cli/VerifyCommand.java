package org.onewindow.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import org.onewindow.trust.CertificateCheck;
import org.onewindow.trust.SignatureVerdict;
import org.onewindow.trust.VerifySignature;

/**
 * {@code verify FILE.xml…}: checks each file's signature against the OneWindow profile and prints one line,
 * {@code FILE: OK signed by SUBJECT (serial …)} or {@code FILE: REFUSED FAULT text}. Only the signature is
 * checked, not who owns the certificate; a certificate outside its validity period is mentioned.
 */
final class VerifyCommand {

    private VerifyCommand() {
    }

    static int run(CommandArguments arguments, PrintStream out, PrintStream err) throws CliOptions.Invalid {
        if (arguments.arguments().isEmpty()) {
            throw new CliOptions.Invalid("name at least one FILE.xml to verify");
        }
        VerifySignature verifier = new VerifySignature();
        boolean failed = false;
        for (String name : arguments.arguments()) {
            Path file = Path.of(name);
            SignatureVerdict verdict;
            try {
                verdict = verifier.verify(TrustCommands.parse(file));
            } catch (TrustCommands.Unreadable e) {
                err.println("onewindow: " + e.getMessage());
                failed = true;
                continue;
            }
            if (verdict instanceof SignatureVerdict.Verified verified) {
                String validity = CertificateCheck.validityProblem(verified.signer(), Instant.now()).map(p -> "; note: " + p).orElse("");
                out.println(file + ": OK signed by " + CertificateCheck.describe(verified.signer()) + validity);
            } else if (verdict instanceof SignatureVerdict.Refused refused) {
                out.println(file + ": REFUSED " + refused.fault() + " " + refused.text());
                failed = true;
            }
        }
        return failed ? 1 : 0;
    }
}
