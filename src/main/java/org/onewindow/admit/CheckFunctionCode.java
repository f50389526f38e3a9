package org.onewindow.admit;

import java.util.List;
import java.util.Set;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;

/** FunctionCode must be 9 (new), 5 (replace) or 1 (delete); anything else is B102. */
public final class CheckFunctionCode implements DeclarationRule {
    private static final Set<String> KNOWN = Set.of("9", "5", "1");

    @Override
    public List<Rejection> check(ParsedMessage declaration) {
        String code = declaration.text("FunctionCode");
        if (code != null && KNOWN.contains(code)) {
            return List.of();
        }
        return List.of(new Rejection(ErrorCode.FUNCTION_CODE_NOT_ALLOWED, "FunctionCode is '" + code + "'"));
    }
}
