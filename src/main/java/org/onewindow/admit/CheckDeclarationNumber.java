package org.onewindow.admit;

import java.util.List;
import java.util.regex.Pattern;
import org.onewindow.message.Dom;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;
import org.w3c.dom.Element;

/**
 * A declaration number is 14 characters split 2/2/2/3/5: customs office, transfer office or two
 * blanks, ROC year (digits), broker box, serial (digits) — e.g. {@code AA  1141110001}. Otherwise B101.
 */
public final class CheckDeclarationNumber implements DeclarationRule {
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2}([A-Z0-9]{2}| {2})[0-9]{2}[A-Z0-9]{3}[0-9]{5}");

    /** True for a 14-character declaration number of the form 2/2/2/3/5. */
    public static boolean wellFormed(String declarationNo) {
        return declarationNo != null && FORMAT.matcher(declarationNo).matches();
    }

    @Override
    public List<Rejection> check(ParsedMessage declaration) {
        // untrimmed: the two blanks of a declaration without a transfer office are significant
        String raw = Dom.child(declaration.root(), "ID").map(Element::getTextContent).orElse(null);
        if (wellFormed(raw)) {
            return List.of();
        }
        return List.of(new Rejection(ErrorCode.DECLARATION_NUMBER_FORMAT,
                "Declaration number '" + raw + "' is not office(2) + transfer office or blanks(2) + year(2) + box(3) + serial(5)"));
    }
}
