package org.onewindow.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Makes realistic NX5105 declarations of 5–30 KB from the 60-item sample: each keeps the sample's header and
 * the items of one agency mix (customs only, food, liquor, quarantine, or all four), renumbered 1…n, with the
 * applications (tw_Application) of the agencies in the mix pointing at the kept items, and a declaration
 * number of its own. The mixes rotate with the serial, the sizes are drawn from a random seeded with it, so a serial
 * always makes the same document.
 */
final class DeclarationFactory {
    static final String TEMPLATE = "samples/NX5105/valid/all-agencies-60-items.xml";
    private static final String NS = "urn:wco:datamodel:TW:NX5105:R-08-00";
    private static final int MIN_BYTES = 5 * 1024;
    private static final int MAX_BYTES = 30 * 1024;
    /** A generated declaration number: a box counted up from K73, then a five-digit serial within it. */
    static final Pattern NUMBER = Pattern.compile("AA  14K\\d{7}");
    /** Serials 00000–99899 of each box: the demo agencies never answer a serial starting with 999 (their silence rule). */
    private static final int SERIALS_PER_BOX = 99_900;
    private static final int FIRST_BOX = 73;

    enum Agency { CD, DN, VP }

    /** Which agencies besides customs a declaration involves. */
    enum Mix {
        CUSTOMS_ONLY(EnumSet.noneOf(Agency.class)),
        FOOD(EnumSet.of(Agency.CD)),
        LIQUOR(EnumSet.of(Agency.DN)),
        QUARANTINE(EnumSet.of(Agency.VP)),
        ALL_FOUR(EnumSet.allOf(Agency.class));

        final Set<Agency> agencies;

        Mix(Set<Agency> agencies) {
            this.agencies = agencies;
        }
    }

    /** One generated declaration: its number, mix and unsigned bytes. */
    record Declaration(String number, Mix mix, byte[] xml) {
    }

    private final byte[] template;

    DeclarationFactory(Path projectDir) throws Exception {
        this.template = Files.readAllBytes(projectDir.resolve(TEMPLATE));
    }

    /** {@code count} declarations numbered from {@code firstSerial}, the mixes in turn. */
    List<Declaration> make(int count, int firstSerial) throws Exception {
        List<Declaration> declarations = new ArrayList<>(count);
        Mix[] mixes = Mix.values();
        for (int i = 0; i < count; i++) {
            Mix mix = mixes[(firstSerial + i) % mixes.length];
            String number = number(firstSerial + i);
            // the size depends on the serial alone, so a serial always makes the same document
            int target = MIN_BYTES + new Random(firstSerial + i).nextInt(MAX_BYTES - MIN_BYTES);
            declarations.add(new Declaration(number, mix, build(number, mix, target)));
        }
        return declarations;
    }

    /**
     * The declaration number of a serial: {@code AA  14K73nnnnn} below 99,900, then boxes K74, K75 … so that a soak
     * of several hundred thousand declarations keeps them unique, well formed (2/2/2/3/5) and answered.
     */
    static String number(int serial) {
        return String.format("AA  14K%02d%05d", FIRST_BOX + serial / SERIALS_PER_BOX, serial % SERIALS_PER_BOX);
    }

    /** The serial a generated declaration number was made from. */
    static int serialOf(String number) {
        return (Integer.parseInt(number.substring(7, 9)) - FIRST_BOX) * SERIALS_PER_BOX + Integer.parseInt(number.substring(9));
    }

    private byte[] build(String number, Mix mix, int targetBytes) throws Exception {
        Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(template));
        Element root = doc.getDocumentElement();
        child(root, "ID").setTextContent(number);
        Element shipment = child(root, "GoodsShipment");
        List<Element> items = children(shipment, "GovernmentAgencyGoodsItem");
        Map<Element, Set<Agency>> byItem = new LinkedHashMap<>();
        for (Element item : items) {
            byItem.put(item, agenciesOf(item));
        }
        // the items sit before whatever follows them in GoodsShipment; the kept ones go back there
        Node anchor = items.get(items.size() - 1).getNextSibling();
        items.forEach(shipment::removeChild);
        Map<Agency, Element> applications = applications(root);
        applications.forEach((agency, application) -> {
            if (!mix.agencies.contains(agency)) {
                root.removeChild(application);
            }
        });
        List<Element> kept = pick(mix, byItem, doc, targetBytes);
        for (Element item : kept) {
            shipment.insertBefore(item, anchor);
        }
        Map<String, String> renumbered = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            Element sequence = child(kept.get(i), "SequenceNumeric");
            renumbered.put(sequence.getTextContent().trim(), String.valueOf(i + 1));
            sequence.setTextContent(String.valueOf(i + 1));
        }
        for (Agency agency : mix.agencies) {
            pointAtKeptItems(applications.get(agency), renumbered, kept, byItem, agency);
        }
        return serialise(doc);
    }

    /** Items of the mix's agencies in turn, then customs-only items, until the document reaches its target size. */
    private List<Element> pick(Mix mix, Map<Element, Set<Agency>> byItem, Document doc, int targetBytes) throws Exception {
        List<List<Element>> pools = new ArrayList<>();
        for (Agency agency : mix.agencies) {
            List<Element> pool = new ArrayList<>();
            byItem.forEach((item, agencies) -> {
                if (agencies.equals(EnumSet.of(agency))) {
                    pool.add(item);
                }
            });
            pools.add(pool);
        }
        List<Element> customsOnly = new ArrayList<>();
        byItem.forEach((item, agencies) -> {
            if (agencies.isEmpty()) {
                customsOnly.add(item);
            }
        });
        pools.add(customsOnly);
        int size = serialise(doc).length;
        List<Element> kept = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean added = false;
            for (List<Element> pool : pools) {
                if (round < pool.size() && (size < targetBytes || round == 0)) {
                    Element item = pool.get(round);
                    kept.add(item);
                    size += serialise(item).length;
                    added = true;
                }
            }
            if (!added) {
                break;
            }
        }
        kept.sort((a, b) -> Integer.compare(sequence(a), sequence(b)));
        return kept;
    }

    /** Keeps the application's item references that survive (renumbered); at least one, to an item of its agency. */
    private static void pointAtKeptItems(Element application, Map<String, String> renumbered, List<Element> kept,
                                         Map<Element, Set<Agency>> byItem, Agency agency) {
        List<Element> refs = children(application, "tw_ItemGroupReference");
        List<Element> dropped = new ArrayList<>();
        for (Element ref : refs) {
            Element number = child(ref, "tw_SequenceNumeric");
            String now = renumbered.get(number.getTextContent().trim());
            if (now == null) {
                dropped.add(ref);
            } else {
                number.setTextContent(now);
            }
        }
        if (dropped.size() == refs.size()) {
            // none survives: the first reference points at the first kept item of the agency instead
            Element first = dropped.remove(0);
            for (int i = 0; i < kept.size(); i++) {
                if (byItem.get(kept.get(i)).contains(agency)) {
                    child(first, "tw_SequenceNumeric").setTextContent(String.valueOf(i + 1));
                    break;
                }
            }
        }
        dropped.forEach(application::removeChild);
    }

    private static Set<Agency> agenciesOf(Element item) {
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        Element commodity = child(item, "Commodity");
        for (Element document : children(commodity, "AdditionalDocument")) {
            String code = child(document, "ID").getTextContent().trim();
            switch (code) {
                case "F01", "F02" -> agencies.add(Agency.CD);
                case "W01" -> agencies.add(Agency.DN);
                case "B01" -> agencies.add(Agency.VP);
                default -> { }
            }
        }
        return agencies;
    }

    private static Map<Agency, Element> applications(Element root) {
        Map<Agency, Element> applications = new LinkedHashMap<>();
        for (Element application : children(root, "tw_Application")) {
            String agency = child(child(application, "ResponsibleGovernmentAgency"), "ID").getTextContent().trim();
            applications.put(Agency.valueOf(agency), application);
        }
        return applications;
    }

    private static int sequence(Element item) {
        return Integer.parseInt(child(item, "SequenceNumeric").getTextContent().trim());
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) {
            throw new IllegalStateException(parent.getLocalName() + " has no " + name);
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static byte[] serialise(Node node) throws Exception {
        var transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(node), new StreamResult(out));
        return out.toByteArray();
    }
}
