package org.onewindow.route;

import static org.onewindow.route.Shape.opt;
import static org.onewindow.route.Shape.req;

import java.util.function.Supplier;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds one agency's application message from a combined declaration, element by element in the target
 * schema's order, reading the already-parsed declaration DOM (never its bytes). Subclasses list their
 * message's structure; this base holds the blocks and rules they share:
 *
 * <ul>
 *   <li>{@code FunctionalReferenceID} is the application's 訊息編號; {@code FunctionCode}, {@code ID} and
 *       {@code TypeCode} are the declaration's; {@code AdditionalDocument/ID} (輸出入許可文件號碼) is the
 *       application's {@code tw_ID};</li>
 *   <li>the importer is the declaration's {@code Importer}, completed from the application's
 *       {@code tw_Declarer} (報驗義務人) where the declaration leaves a part out;</li>
 *   <li>a required leaf the declaration lacks gets its {@link DerivedValues derived value}.</li>
 * </ul>
 */
abstract class AgencyMessageBuilder {
    /** 報關業者: box, role, sub-box (the AEO number of NX5105 has no place in agency messages). */
    static final Shape AGENT = opt("Agent", req("ID"), req("RoleCode"), req("tw_SubBoxID"));
    static final Shape ITEM_NOTES = opt("AdditionalInformation", req("StatementCode"), req("StatementDescription")).upTo(10);
    static final Shape DUTY_BASE = opt("DutyTaxFee", req("AdValoremTaxBaseAmount"));
    static final Shape PACKAGING = req("Packaging", req("QuantityQuantity"), req("TypeCode"));
    /** Arrival as the inspection applications (NX601, NX301_DN) carry it: arrival date and mode of transport. */
    static final Shape ARRIVAL = req("BorderTransportMeans", req("ArrivalDateTime"), req("TypeCode"));
    private static final Shape APPOINTMENT = opt("tw_Appointment", opt("tw_ReservationDate"), opt("tw_ReservationPeriodCode"));

    private final String messageType;

    AgencyMessageBuilder(String messageType) {
        this.messageType = messageType;
    }

    /** The message type this builder produces ({@code NX601}, …). */
    final String messageType() {
        return messageType;
    }

    /** The agency message for one derivation, with its root in {@code namespace}. */
    final Document build(Derivation d, String namespace) {
        Document doc = Dom.newDocument(namespace, "Declaration");
        fill(doc.getDocumentElement(), d);
        return doc;
    }

    /** Appends the message's content to its root, in schema order. */
    abstract void fill(Element root, Derivation d);

    /** FunctionalReferenceID (the application's 訊息編號), FunctionCode, ID, TypeCode. */
    static void identification(Element root, Derivation d) {
        Dom.appendText(root, "FunctionalReferenceID", d.reference());
        copy(root, "FunctionCode", d.root());
        copy(root, "ID", d.root());
        copy(root, "TypeCode", d.root());
    }

    /** The head of an inspection application (NX601, NX301_DN): identification, permit, agent and arrival. */
    static void inspectionHead(Element root, Derivation d) {
        identification(root, d);
        permit(root, d);
        AGENT.copyFrom(root, d.root());
        ARRIVAL.copyFrom(root, d.root());
    }

    /** AdditionalDocument/ID: the permit number (輸出入許可文件號碼) the application names, if any. */
    static void permit(Element root, Derivation d) {
        String permit = text(d.application(), "tw_ID");
        if (permit != null) {
            Dom.appendText(Dom.append(root, "AdditionalDocument"), "ID", permit);
        }
    }

    /**
     * The importer as one element (not yet in the message) with every part the agency messages know:
     * the declaration's {@code Importer}, each missing part taken from the application's
     * {@code tw_Declarer}; a missing Chinese name or address is stood in for by the English one and
     * the other way round. Project it through the target's shape.
     */
    static Element importer(Element root, Derivation d) {
        Element source = d.declaration().header("Importer");
        Element declarer = d.application("tw_Declarer");
        Element importer = root.getOwnerDocument().createElementNS(root.getNamespaceURI(), "Importer");
        Dom.appendText(importer, "ID", first(Dom.text(source, "ID"), text(declarer, "tw_ID")));
        Dom.appendText(importer, "Name", first(Dom.text(source, "Name"), text(declarer, "tw_Name")));
        Dom.appendText(importer, "tw_ChineseName", first(Dom.text(source, "tw_ChineseName"),
                text(declarer, "tw_ChineseName"), Dom.text(source, "Name")));
        Dom.appendText(importer, "tw_TypeCode", first(Dom.text(source, "tw_TypeCode"), text(declarer, "tw_TypeCode")));
        String chineseLine = first(Dom.text(source, "Address", "tw_ChineseLine"), text(declarer, "Address", "tw_ChineseLine"));
        String line = first(Dom.text(source, "Address", "Line"), chineseLine);
        Element address = Dom.append(importer, "Address");
        Dom.appendText(address, "Line", line);
        Dom.appendText(address, "tw_ChineseLine", first(chineseLine, line));
        Element communications = Dom.child(source, "Communication").isPresent() ? source : declarer;
        if (communications != null) {
            for (Element c : Dom.children(communications, "Communication")) {
                importer.appendChild(root.getOwnerDocument().importNode(c, true));
            }
        }
        return importer;
    }

    /** tw_Application's ContactOffice/ID (受理單位): the application's, else the office the declaration implies. */
    static void contactOffice(Element application, Derivation d) {
        copyOr(Dom.append(application, "ContactOffice"), "ID", d.application("ContactOffice"),
                () -> DerivedValues.contactOffice(d.declaration()));
    }

    /** tw_Application's Payment/MethodCode (the application's, else the default method), then its tw_Appointment. */
    static void paymentAndAppointment(Element application, Derivation d) {
        copyOr(Dom.append(application, "Payment"), "MethodCode", d.application("Payment"), () -> DerivedValues.PAYMENT_METHOD);
        APPOINTMENT.copyFrom(application, d.application());
    }

    /** The item's Packaging (件數, 件數單位), else its quantity counted in its quantity unit. */
    static void packaging(Element parent, Element item) {
        if (PACKAGING.copyFrom(parent, item) == null) {
            Element p = Dom.append(parent, "Packaging");
            Dom.appendText(p, "QuantityQuantity", DerivedValues.packageQuantity(item));
            Dom.appendText(p, "TypeCode", DerivedValues.packageType(item));
        }
    }

    /** Classification/ID: the item's CCC code (11 digits). */
    static void tariffCode(Element commodity, Element item) {
        copy(Dom.append(commodity, "Classification"), "ID", DerivedValues.tariffClassification(item));
    }

    /** Copies the leaf {@code name} from {@code sourceParent} (which may be null); true when there was one. */
    static boolean copy(Element parent, String name, Element sourceParent) {
        Element source = sourceParent == null ? null : Dom.child(sourceParent, name).orElse(null);
        if (source == null) {
            return false;
        }
        Element leaf = Dom.appendText(parent, name, source.getTextContent());
        Shape.copyAttributes(leaf, source);
        return true;
    }

    /** Copies the leaf {@code name}, or appends the derived value when the source has none. */
    static void copyOr(Element parent, String name, Element sourceParent, Supplier<String> derived) {
        if (!copy(parent, name, sourceParent)) {
            Dom.appendText(parent, name, derived.get());
        }
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    static String text(Element from, String... path) {
        return from == null ? null : Dom.text(from, path);
    }
}
