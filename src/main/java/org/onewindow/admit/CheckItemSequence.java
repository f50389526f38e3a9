package org.onewindow.admit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;

/** Item sequence numbers must be unique and run 1, 2, 3 … without gaps; otherwise B105 naming the faults. */
public final class CheckItemSequence implements DeclarationRule {

    @Override
    public List<Rejection> check(ParsedMessage declaration) {
        List<Integer> numbers = DeclarationItems.itemNumbers(declaration);
        TreeSet<Integer> seen = new TreeSet<>();
        List<Integer> duplicates = new ArrayList<>();
        for (Integer n : numbers) {
            if (!seen.add(n)) {
                duplicates.add(n);
            }
        }
        List<Rejection> faults = new ArrayList<>();
        if (!duplicates.isEmpty()) {
            faults.add(new Rejection(ErrorCode.ITEM_SEQUENCE_BROKEN, "Item numbers used more than once: " + duplicates));
        }
        List<Integer> missing = new ArrayList<>();
        int last = seen.isEmpty() ? 0 : seen.last();
        for (int n = 1; n <= last; n++) {
            if (!seen.contains(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            faults.add(new Rejection(ErrorCode.ITEM_SEQUENCE_BROKEN, "Item numbers missing from the sequence: " + missing));
        }
        return faults;
    }
}
