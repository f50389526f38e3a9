package org.onewindow.admit;

import java.util.List;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;

/** One business rule of a schema-valid declaration; returns the faults it finds (none: it passes). */
public interface DeclarationRule {
    List<Rejection> check(ParsedMessage declaration);
}
