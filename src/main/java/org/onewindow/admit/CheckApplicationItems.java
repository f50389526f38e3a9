package org.onewindow.admit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.message.Dom;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;
import org.w3c.dom.Element;

/** Every item a tw_Application refers to must exist in the declaration; otherwise B104 per application. */
public final class CheckApplicationItems implements DeclarationRule {

    @Override
    public List<Rejection> check(ParsedMessage declaration) {
        Set<Integer> items = new HashSet<>(DeclarationItems.itemNumbers(declaration));
        List<Rejection> faults = new ArrayList<>();
        for (Element application : DeclarationItems.applications(declaration)) {
            List<Integer> unknown = new ArrayList<>();
            for (Integer ref : DeclarationItems.referencedItems(application)) {
                if (!items.contains(ref)) {
                    unknown.add(ref);
                }
            }
            if (!unknown.isEmpty()) {
                faults.add(new Rejection(ErrorCode.APPLICATION_ITEM_UNKNOWN, "Application "
                        + Dom.text(application, "tw_FunctionalReferenceID") + " refers to items " + unknown
                        + "; the declaration has " + items.size() + " items"));
            }
        }
        return faults;
    }
}
