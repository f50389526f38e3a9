package org.onewindow.route;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * What one agency message is built from: the declaration, the agency's application (the declaration's
 * {@code tw_Application}, or an {@link ImpliedApplication}) and the items the agency sees, in item order.
 */
final class Derivation {
    private final CombinedDeclaration declaration;
    private final Element application;
    private final List<Element> items;

    Derivation(CombinedDeclaration declaration, Element application, List<Integer> itemNumbers) {
        this.declaration = declaration;
        this.application = application;
        this.items = new ArrayList<>(itemNumbers.size());
        for (Integer n : itemNumbers) {
            items.add(declaration.item(n));
        }
    }

    CombinedDeclaration declaration() {
        return declaration;
    }

    /** The declaration's root element. */
    Element root() {
        return declaration.root();
    }

    Element application() {
        return application;
    }

    /** A child block of the application, or null. */
    Element application(String localName) {
        return Dom.child(application, localName).orElse(null);
    }

    /** The application's message reference (訊息編號): the derived message's FunctionalReferenceID. */
    String reference() {
        return CombinedDeclaration.referenceOf(application);
    }

    /** The items the agency sees, ascending by item number. */
    List<Element> items() {
        return items;
    }

    /** The first of the agency's items; header blocks that describe one product describe this one. */
    Element firstItem() {
        return items.get(0);
    }
}
