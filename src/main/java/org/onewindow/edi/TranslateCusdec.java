package org.onewindow.edi;

import static org.onewindow.message.Dom.append;
import static org.onewindow.message.Dom.appendText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Translates one CUSDEC message that passed the implementation guide into the NX5105 R-08-00 declaration it
 * stands for, element by element in schema order, as {@code docs/edifact-mapping.md} tables it. It adds nothing
 * the message does not say except the fixed values the table names (Agent RoleCode AG); values are copied as
 * sent, so the XSD and the business rules judge them exactly as they judge XML. A value the guide lets through
 * but the XSD refuses (a date in another format, say) comes back from admission as W004, like XML would.
 */
public final class TranslateCusdec {
    public static final String NAMESPACE = "urn:wco:datamodel:TW:NX5105:R-08-00";
    /** OneWindow's qualifier (1131) for an import-regulation code in CST, beside the tariff code qualified CCC. */
    static final String IMPORT_REGULATION = "IRC";

    public Document translate(EdifactMessage message) {
        Sections s = new Sections(message.segments());
        Document doc = Dom.newDocument(NAMESPACE, "Declaration");
        Element root = doc.getDocumentElement();
        Segment bgm = s.header("BGM").orElseThrow();
        appendText(root, "AcceptanceDateTime", date(s.dtm("182")));
        appendText(root, "FunctionCode", bgm.value(3));
        appendText(root, "ID", bgm.value(2));
        amount(root, "InvoiceAmount", s.moa("39"));
        s.header("MEA").ifPresent(m -> measure(root, "TotalGrossMassMeasure", m));
        Optional<Segment> pac = s.first("SG6", "PAC");
        appendText(root, "TotalPackageQuantity", pac.map(p -> p.value(1)).orElse(""));
        appendText(root, "TypeCode", s.gis("DT"));
        Element agent = append(root, "Agent");
        Optional<Segment> declarant = s.party("AE");
        appendText(agent, "ID", declarant.map(n -> n.value(2, 1)).orElse(""));
        appendText(agent, "RoleCode", "AG");
        appendText(agent, "tw_SubBoxID", declarant.map(n -> n.value(2, 2)).orElse(""));
        Optional<Segment> tdt = s.first("SG2", "TDT");
        Element border = append(root, "BorderTransportMeans");
        appendText(border, "ArrivalDateTime", date(s.dtm("132")));
        appendText(border, "TypeCode", tdt.map(t -> t.value(3)).orElse(""));
        Optional<Segment> cux = s.first("SG5", "CUX");
        Element exchange = append(root, "CurrencyExchange");
        appendText(exchange, "CurrencyTypeCode", cux.map(c -> c.value(1, 2)).orElse(""));
        appendText(exchange, "RateNumeric", cux.map(c -> decimal(c.value(3))).orElse(""));
        Element duty = append(root, "DutyTaxFee");
        appendText(duty, "tw_DutyMethodCode", s.gis("DM"));
        amount(duty, "tw_TotalDutyTaxFeeAmount", s.moa("176"));
        goodsShipment(append(root, "GoodsShipment"), s, tdt);
        importer(append(root, "Importer"), s);
        Element packaging = append(root, "Packaging");
        appendText(packaging, "MarksNumbers", s.first("SG6", "PCI").map(p -> p.joined(2)).orElse(""));
        appendText(packaging, "TypeCode", pac.map(p -> p.value(3)).orElse(""));
        appendText(append(root, "RepresentativePerson"), "Name",
                s.groupOf("SG4", "NAD", n -> "AE".equals(n.value(1))).flatMap(g -> tagged(g, "CTA")).map(c -> c.value(2, 1)).orElse(""));
        return doc;
    }

    private static void goodsShipment(Element shipment, Sections s, Optional<Segment> tdt) {
        appendText(shipment, "ExitDateTime", date(s.dtm("186")));
        amount(shipment, "tw_ItemChargeAmount", s.moa("79"));
        amount(shipment, "tw_TotalCIFAmount", s.moa("40"));
        Element consignment = append(shipment, "Consignment");
        appendText(append(consignment, "ArrivalTransportMeans"), "TypeCode", tdt.map(t -> t.value(4)).orElse(""));
        Element means = append(consignment, "BorderTransportMeans");
        appendText(means, "ID", tdt.map(t -> t.value(8)).orElse(""));
        appendText(means, "JourneyID", tdt.map(t -> t.value(2)).orElse(""));
        appendText(append(consignment, "GoodsLocation"), "ID", s.loc("14"));
        appendText(append(consignment, "LoadingLocation"), "ID", s.loc("9"));
        for (List<Segment> group : s.groups("SG1")) {
            Segment doc = group.get(0);
            Element contract = append(consignment, "TransportContractDocument");
            appendText(contract, "ID", doc.value(2));
            appendText(contract, "TypeCode", doc.value(1));
        }
        for (List<Segment> group : s.groups("SG3")) {
            Segment eqd = group.get(0);
            Element equipment = append(consignment, "TransportEquipment");
            appendText(equipment, "CharacteristicCode", eqd.value(3));
            appendText(equipment, "ID", eqd.value(2));
            appendText(equipment, "tw_UsedCapacityCode", eqd.value(6));
            for (Segment sel : group.subList(1, group.size())) {
                appendText(append(equipment, "tw_Seal"), "tw_SealID", sel.value(1));
            }
        }
        Element valuation = append(shipment, "CustomsValuation");
        optionalAmount(valuation, "ExitToEntryChargeAmount", s.moa("67"));
        optionalAmount(valuation, "FreightChargeAmount", s.moa("64"));
        amount(valuation, "OtherChargeDeductionAmount", s.moa("98"));
        appendText(valuation, "PartyRelationshipCode", s.gis("PR"));
        for (List<Segment> group : s.groups("SG7")) {
            Element duty = append(shipment, "DutyTaxFee");
            amount(duty, "AdValoremTaxBaseAmount", tagged(group, "MOA"));
            appendText(duty, "TypeCode", group.get(0).value(2));
        }
        for (List<Segment> item : s.groups("SG8")) {
            item(append(shipment, "GovernmentAgencyGoodsItem"), item);
        }
        Optional<List<Segment>> seller = s.groupOf("SG4", "NAD", n -> "SE".equals(n.value(1)));
        Segment nad = seller.map(g -> g.get(0)).orElse(null);
        Element sellerElement = append(shipment, "Seller");
        appendText(sellerElement, "Name", nad == null ? "" : nad.value(4));
        Element address = append(sellerElement, "Address");
        appendText(address, "CountryCode", nad == null ? "" : nad.value(9));
        appendText(address, "Line", nad == null ? "" : nad.value(5));
        appendText(append(shipment, "TradeTerms"), "ConditionCode", s.header("TOD").map(t -> t.value(3)).orElse(""));
    }

    private static void item(Element item, List<Segment> segments) {
        Segment cst = segments.get(0);
        appendText(item, "SequenceNumeric", cst.value(1));
        Element commodity = append(item, "Commodity");
        appendText(commodity, "Description", segments.stream().filter(x -> x.tag().equals("FTX") && "AAA".equals(x.value(1)))
                .findFirst().map(f -> f.joined(4)).orElse(""));
        List<List<String>> codes = cst.elements().subList(1, cst.elements().size());
        for (List<String> code : codes) {
            if (isImportRegulation(code)) {
                appendText(append(commodity, "AdditionalDocument"), "ID", code.get(0));
            }
        }
        for (List<String> code : codes) {
            if (!isImportRegulation(code)) {
                Element classification = append(commodity, "Classification");
                appendText(classification, "ID", code.get(0));
                appendText(classification, "IdentificationTypeCode", code.size() > 1 ? code.get(1) : "");
            }
        }
        amount(append(commodity, "DutyTaxFee"), "AdValoremTaxBaseAmount", qualified(segments, "MOA", "125"));
        appendText(append(commodity, "GovernmentProcedure"), "CurrentCode", gis(segments, "GP"));
        Optional<Segment> price = qualified(segments, "MOA", "146");
        Element invoiceLine = append(commodity, "InvoiceLine");
        appendText(invoiceLine, "tw_ChargesTypeCode", gis(segments, "CT"));
        appendText(invoiceLine, "tw_CurrencyTypeCode", price.map(p -> p.value(1, 3)).orElse(""));
        appendText(invoiceLine, "tw_UnitPriceAmount", price.map(p -> decimal(p.value(1, 2))).orElse(""));
        tagged(segments, "TAX").ifPresent(tax -> appendText(append(commodity, "tw_DutyTaxFeeAmount"), "tw_TaxRateNumeric",
                decimal(tax.value(5, 4))));
        Element measure = append(item, "GoodsMeasure");
        Optional<Segment> net = measurement(segments, "AAF");
        Optional<Segment> tariff = measurement(segments, "TQ");
        net.ifPresent(m -> measure(measure, "NetWeightMeasure", m));
        appendText(measure, "TariffQuantity", tariff.map(m -> decimal(m.value(3, 2))).orElse(""));
        appendText(measure, "tw_UnitCode", tariff.map(m -> m.value(3, 1)).orElse(""));
        appendText(append(item, "Origin"), "CountryCode", qualified(segments, "LOC", "27").map(l -> l.value(2)).orElse(""));
        tagged(segments, "PAC").ifPresent(p -> {
            Element packaging = append(item, "Packaging");
            appendText(packaging, "QuantityQuantity", p.value(1));
            appendText(packaging, "TypeCode", p.value(3));
        });
    }

    private static void importer(Element importer, Sections s) {
        Optional<List<Segment>> group = s.groupOf("SG4", "NAD", n -> "IM".equals(n.value(1)));
        Segment nad = group.map(g -> g.get(0)).orElse(null);
        appendText(importer, "ID", nad == null ? "" : nad.value(2, 1));
        appendText(importer, "Name", nad == null ? "" : nad.value(4));
        appendText(importer, "tw_TypeCode", nad == null ? "" : nad.value(2, 2));
        if (nad != null && !nad.value(5).isEmpty()) {
            appendText(append(importer, "Address"), "Line", nad.value(5));
        }
        for (Segment com : group.orElse(List.of())) {
            if (com.tag().equals("COM")) {
                Element communication = append(importer, "Communication");
                appendText(communication, "ID", com.value(1, 1));
                appendText(communication, "TypeID", com.value(1, 2));
            }
        }
    }

    /** A CST C246 whose code list qualifier (1131) is IRC carries an import-regulation code (F01, W01, B01 …). */
    private static boolean isImportRegulation(List<String> code) {
        return code.size() > 1 && IMPORT_REGULATION.equals(code.get(1));
    }

    private static Optional<Segment> tagged(List<Segment> segments, String tag) {
        return segments.stream().filter(x -> x.tag().equals(tag)).findFirst();
    }

    private static Optional<Segment> qualified(List<Segment> segments, String tag, String qualifier) {
        return segments.stream().filter(x -> x.tag().equals(tag) && qualifier.equals(x.value(1, 1))).findFirst();
    }

    private static Optional<Segment> measurement(List<Segment> segments, String attribute) {
        return segments.stream().filter(x -> x.tag().equals("MEA") && attribute.equals(x.value(2))).findFirst();
    }

    private static String gis(List<Segment> segments, String field) {
        return segments.stream().filter(x -> x.tag().equals("GIS") && field.equals(x.value(1, 2))).findFirst()
                .map(g -> g.value(1, 1)).orElse("");
    }

    private static void amount(Element parent, String name, Optional<Segment> moa) {
        Element amount = appendText(parent, name, moa.map(m -> decimal(m.value(1, 2))).orElse(""));
        moa.ifPresent(m -> amount.setAttribute("currencyID", m.value(1, 3)));
    }

    private static void optionalAmount(Element parent, String name, Optional<Segment> moa) {
        if (moa.isPresent()) {
            amount(parent, name, moa);
        }
    }

    private static void measure(Element parent, String name, Segment mea) {
        appendText(parent, name, decimal(mea.value(3, 2))).setAttribute("unitCode", mea.value(3, 1));
    }

    /** EDIFACT lets the sender choose comma or point as the decimal mark; XML wants a point. */
    private static String decimal(String value) {
        return value.replace(',', '.');
    }

    /** 102 CCYYMMDD → 2025-02-03; 203 CCYYMMDDHHMM → 2025-02-03T09:15:00; anything else as sent (the XSD judges it). */
    static String date(Optional<Segment> dtm) {
        if (dtm.isEmpty()) {
            return "";
        }
        String value = dtm.get().value(1, 2);
        String format = dtm.get().value(1, 3);
        if ("102".equals(format) && value.length() == 8) {
            return value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6, 8);
        }
        if ("203".equals(format) && value.length() == 12) {
            return value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6, 8) + "T"
                    + value.substring(8, 10) + ":" + value.substring(10, 12) + ":00";
        }
        return value;
    }

    /** The message cut into its top-level segments (before UNS) and its segment groups, each occurrence a list. */
    private static final class Sections {
        private final List<Segment> header = new ArrayList<>();
        private final Map<Integer, List<Segment>> groups = new LinkedHashMap<>();

        Sections(List<Segment> segments) {
            for (Segment segment : segments) {
                if (segment.group() == null) {
                    header.add(segment);
                } else {
                    groups.computeIfAbsent(segment.groupOccurrence(), k -> new ArrayList<>()).add(segment);
                }
            }
        }

        Optional<Segment> header(String tag) {
            return tagged(header, tag);
        }

        Optional<Segment> dtm(String qualifier) {
            return qualified(header, "DTM", qualifier);
        }

        Optional<Segment> moa(String qualifier) {
            return qualified(header, "MOA", qualifier);
        }

        String gis(String field) {
            return TranslateCusdec.gis(header, field);
        }

        String loc(String qualifier) {
            return qualified(header, "LOC", qualifier).map(l -> l.value(2)).orElse("");
        }

        List<List<Segment>> groups(String code) {
            List<List<Segment>> found = new ArrayList<>();
            for (List<Segment> group : groups.values()) {
                if (code.equals(group.get(0).group())) {
                    found.add(group);
                }
            }
            return found;
        }

        Optional<Segment> first(String code, String tag) {
            return groups(code).stream().flatMap(List::stream).filter(x -> x.tag().equals(tag)).findFirst();
        }

        Optional<List<Segment>> groupOf(String code, String tag, Predicate<Segment> trigger) {
            return groups(code).stream().filter(g -> g.get(0).tag().equals(tag) && trigger.test(g.get(0))).findFirst();
        }

        Optional<Segment> party(String qualifier) {
            return groupOf("SG4", "NAD", n -> qualifier.equals(n.value(1))).map(g -> g.get(0));
        }
    }
}
