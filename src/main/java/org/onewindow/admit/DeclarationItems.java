package org.onewindow.admit;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.w3c.dom.Element;

/** Reads item sequence numbers from a declaration's goods items and its applications' item references. */
final class DeclarationItems {
    private DeclarationItems() {
    }

    /** The SequenceNumeric of every GoodsShipment/GovernmentAgencyGoodsItem, in document order. */
    static List<Integer> itemNumbers(ParsedMessage declaration) {
        return numbers(Dom.all(declaration.root(), "GoodsShipment", "GovernmentAgencyGoodsItem"), "SequenceNumeric");
    }

    /** The tw_Application blocks of a combined declaration. */
    static List<Element> applications(ParsedMessage declaration) {
        return Dom.children(declaration.root(), "tw_Application");
    }

    /** The item numbers an application refers to through tw_ItemGroupReference/tw_SequenceNumeric. */
    static List<Integer> referencedItems(Element application) {
        return numbers(Dom.children(application, "tw_ItemGroupReference"), "tw_SequenceNumeric");
    }

    private static List<Integer> numbers(List<Element> elements, String child) {
        List<Integer> numbers = new ArrayList<>(elements.size());
        for (Element e : elements) {
            String text = Dom.text(e, child);
            if (text != null) {
                numbers.add(Integer.valueOf(text));
            }
        }
        return numbers;
    }
}
