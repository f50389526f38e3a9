package org.onewindow.reply;

import java.util.List;
import java.util.Objects;

/**
 * What the merged acknowledgement (NX5106, 單證合一核覆) says about one declaration: the overall
 * verdict, the first verdict of customs and of every agency, and the hub's own declaration-level
 * rejections (business rules found at admission; then {@code agencies} is empty and {@code accepted}
 * is false).
 */
public record MergedVerdict(String declarationNo, boolean accepted, List<AgencyVerdict> agencies, List<Rejection> declarationErrors) {

    public MergedVerdict {
        Objects.requireNonNull(declarationNo, "declarationNo");
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        declarationErrors = declarationErrors == null ? List.of() : List.copyOf(declarationErrors);
        if (accepted && !declarationErrors.isEmpty()) {
            throw new IllegalArgumentException("An accepted declaration cannot carry declaration errors");
        }
    }

    /** A business-rule rejection found at admission, before any agency saw the declaration. */
    public static MergedVerdict rejected(String declarationNo, List<Rejection> errors) {
        return new MergedVerdict(declarationNo, false, List.of(), errors);
    }
}
