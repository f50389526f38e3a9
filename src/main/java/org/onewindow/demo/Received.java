package org.onewindow.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.w3c.dom.Element;

/**
 * The facts a demo agency reads from the message it received (the customs copy of an NX5105, or an
 * NX601 / NX301_DN / NX401 application): the declaration number, the application's message reference
 * (訊息編號, {@code Declaration/FunctionalReferenceID}; null in an NX5105), the importer, and per goods item
 * ({@code GoodsShipment/GovernmentAgencyGoodsItem}) its sequence number, descriptions and tariff codes.
 * All four types keep these at the same paths below the root.
 */
record Received(String agency, String messageType, ParsedMessage message, String declarationNo,
        String reference, String importer, List<Item> items) {

    /** One goods item: its sequence number, description texts (English, Chinese, brand) and tariff codes. */
    record Item(int sequence, List<String> descriptions, List<String> tariffCodes) {
    }

    Received {
        Objects.requireNonNull(message, "message");
        items = List.copyOf(items);
    }

    static Received of(String agency, ParsedMessage message) {
        Element root = message.root();
        List<Item> items = new ArrayList<>();
        for (Element item : Dom.all(root, "GoodsShipment", "GovernmentAgencyGoodsItem")) {
            Integer sequence = Dom.wholeNumber(item, "SequenceNumeric");
            if (sequence == null) {
                continue;
            }
            List<String> descriptions = new ArrayList<>();
            List<String> tariffCodes = new ArrayList<>();
            Dom.child(item, "Commodity").ifPresent(commodity -> {
                for (String name : List.of("Description", "tw_EnglishDescription", "tw_ChineseDescription", "Name")) {
                    String text = Dom.text(commodity, name);
                    if (text != null && !text.isEmpty()) {
                        descriptions.add(text);
                    }
                }
                for (Element classification : Dom.children(commodity, "Classification")) {
                    String code = Dom.text(classification, "ID");
                    if (code != null && !code.isEmpty()) {
                        tariffCodes.add(code);
                    }
                }
            });
            items.add(new Item(sequence, descriptions, tariffCodes));
        }
        return new Received(agency, message.type().type(), message, text(root, "ID"),
                text(root, "FunctionalReferenceID"), text(root, "Importer", "ID"), items);
    }

    Element root() {
        return message.root();
    }

    /** The trimmed text at a path below the root, or null when absent or empty. */
    String text(String... path) {
        return text(root(), path);
    }

    /** Every item's sequence number, in document order. */
    List<Integer> itemNumbers() {
        return items.stream().map(Item::sequence).toList();
    }

    private static String text(Element from, String... path) {
        String text = Dom.text(from, path);
        return text == null || text.isEmpty() ? null : text;
    }
}
