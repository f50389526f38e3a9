package org.onewindow.route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * Read access to a parsed combined import declaration (NX5105): its header blocks, its items by item
 * number (項次), each item's import-regulation codes and its agency applications ({@code tw_Application}).
 * Built once per declaration; the items are indexed in one pass so builders look them up in constant time.
 */
final class CombinedDeclaration {
    /** Path below an item to the element carrying one import-regulation code (repeats per code). */
    static final String[] REGULATION_CODE = {"Commodity", "AdditionalDocument", "ID"};

    private final Element root;
    private final Element goodsShipment;
    private final Map<Integer, Element> items = new LinkedHashMap<>();
    private final List<Element> applications;

    CombinedDeclaration(Element root) {
        this.root = root;
        this.goodsShipment = Dom.child(root, "GoodsShipment").orElseThrow(
                () -> new IllegalArgumentException("The declaration has no GoodsShipment"));
        for (Element item : Dom.children(goodsShipment, "GovernmentAgencyGoodsItem")) {
            items.put(Integer.valueOf(Dom.text(item, "SequenceNumeric")), item);
        }
        this.applications = Dom.children(root, "tw_Application");
    }

    Element root() {
        return root;
    }

    Element goodsShipment() {
        return goodsShipment;
    }

    /** A header child of the declaration root, or null. */
    Element header(String localName) {
        return Dom.child(root, localName).orElse(null);
    }

    /** A child of GoodsShipment, or null. */
    Element shipment(String localName) {
        return Dom.child(goodsShipment, localName).orElse(null);
    }

    /** The declaration's text at a path below the root, or null. */
    String text(String... path) {
        return Dom.text(root, path);
    }

    /** Items by item number, in document order. */
    Map<Integer, Element> items() {
        return Collections.unmodifiableMap(items);
    }

    /** The item with this number, or null. */
    Element item(int number) {
        return items.get(number);
    }

    /** The import-regulation codes an item carries, in document order. */
    static List<String> regulationCodes(Element item) {
        List<String> codes = new ArrayList<>(2);
        for (Element e : Dom.all(item, REGULATION_CODE)) {
            codes.add(e.getTextContent().trim());
        }
        return codes;
    }

    /** The agency applications, in document order. */
    List<Element> applications() {
        return applications;
    }

    /** The agency code an application names ({@code ResponsibleGovernmentAgency/ID}). */
    static String agencyOf(Element application) {
        return Dom.text(application, "ResponsibleGovernmentAgency", "ID");
    }

    /** The application's message reference (訊息編號). */
    static String referenceOf(Element application) {
        return Dom.text(application, "tw_FunctionalReferenceID");
    }

    /** The item numbers an application points at ({@code tw_ItemGroupReference/tw_SequenceNumeric}). */
    static List<Integer> itemsOf(Element application) {
        List<Integer> numbers = new ArrayList<>();
        for (Element ref : Dom.all(application, "tw_ItemGroupReference", "tw_SequenceNumeric")) {
            numbers.add(Integer.valueOf(ref.getTextContent().trim()));
        }
        return numbers;
    }
}
