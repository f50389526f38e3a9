package org.onewindow.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.OfficialSchemas;
import org.onewindow.schema.SchemaRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xmlunit.assertj3.XmlAssert;

class DeriveAgencyMessagesTest {
    private static final String ALL_AGENCIES = "NX5105/valid/all-agencies-60-items.xml";
    private static final String FOOD_LIQUOR = "NX5105/valid/food-liquor.xml";
    /** The design's agency for each import-regulation code, written out here independently of the table. */
    private static final Map<String, String> AGENCY_BY_CODE = Map.of(
            "F01", "CD", "F02", "CD", "W01", "DN", "B01", "VP", "C01", "CI", "C02", "CI");

    private static DeriveAgencyMessages step;

    @BeforeAll
    static void createStep() {
        step = new DeriveAgencyMessages(RoutingTable.bundled(), SchemaRegistry.bundled());
    }

    @Test
    void sixtyItemDeclarationGoesToCustomsFoodLiquorAndQuarantine() {
        ParsedMessage declaration = RouteSamples.parse(ALL_AGENCIES);

        List<DerivedMessage> derived = step.derive(declaration);

        assertThat(derived).extracting(DerivedMessage::agency).containsExactly("customs", "CD", "DN", "VP");
        assertThat(derived).extracting(DerivedMessage::messageType).containsExactly("NX5105", "NX601", "NX301_DN", "NX401");
        assertThat(derived).extracting(DerivedMessage::queue)
                .containsExactly("agency.customs", "agency.CD", "agency.DN", "agency.VP");
        assertThat(derived).extracting(DerivedMessage::applicationRef)
                .containsExactly(null, "12345675SW2502110001", "12345675SW2502110002", "12345675SW2502110003");
    }

    @Test
    void eachAgencySeesExactlyTheItemsItsCodesAndApplicationName() {
        ParsedMessage declaration = RouteSamples.parse(ALL_AGENCIES);
        Map<String, TreeSet<Integer>> expected = expectedItems(declaration.root());

        List<DerivedMessage> derived = step.derive(declaration);

        assertThat(expected.get("CD")).hasSize(23);
        assertThat(expected.get("DN")).hasSize(12);
        assertThat(expected.get("VP")).hasSize(13);
        for (DerivedMessage m : derived.subList(1, derived.size())) {
            assertThat(m.itemNumbers()).as(m.agency()).containsExactlyElementsOf(expected.get(m.agency()));
            assertThat(itemNumbersIn(m.document())).as(m.agency()).containsExactlyElementsOf(expected.get(m.agency()));
        }
    }

    @Test
    void customsGetsTheDeclarationItselfWithEveryItem() {
        ParsedMessage declaration = RouteSamples.parse(ALL_AGENCIES);

        DerivedMessage customs = step.derive(declaration).get(0);

        assertThat(customs.document()).isSameAs(declaration.document());
        assertThat(customs.applicationRef()).isNull();
        assertThat(customs.itemNumbers()).hasSize(60).isSorted().startsWith(1).endsWith(60);
    }

    @Test
    void derivedMessagesAreValidUnderOurSchemas() {
        for (String sample : List.of(ALL_AGENCIES, FOOD_LIQUOR)) {
            for (DerivedMessage m : agencyMessages(RouteSamples.parse(sample))) {
                Schema ours = SchemaRegistry.bundled().latest(m.messageType()).orElseThrow().schema();
                assertThat(RouteSamples.errors(ours, m.document())).as(sample + " → " + m.messageType()).isEmpty();
            }
        }
    }

    @Test
    void derivedMessagesAreValidUnderThePublishedSchemas() {
        assumeThat(OfficialSchemas.of("NX601"))
                .as("published CPT schemas at " + OfficialSchemas.DIRECTORY.toAbsolutePath().normalize() + "; skipped").isPresent();
        for (String sample : List.of(ALL_AGENCIES, FOOD_LIQUOR)) {
            for (DerivedMessage m : agencyMessages(RouteSamples.parse(sample))) {
                Schema published = OfficialSchemas.of(m.messageType()).orElseThrow();
                assertThat(RouteSamples.errors(published, m.document())).as(sample + " → " + m.messageType()).isEmpty();
            }
        }
    }

    @Test
    void derivedMessagesCarryTheApplicationReferenceAndTheDeclarationNumber() {
        for (DerivedMessage m : agencyMessages(RouteSamples.parse(ALL_AGENCIES))) {
            Element root = m.document().getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo(SchemaRegistry.bundled().latest(m.messageType()).orElseThrow().namespace());
            assertThat(Dom.text(root, "FunctionalReferenceID")).isEqualTo(m.applicationRef());
            assertThat(Dom.text(root, "ID")).isEqualTo("AA  14K7300103");
            assertThat(Dom.text(root, "FunctionCode")).isEqualTo("9");
        }
    }

    @Test
    void agencyBlocksOfEachItemTravelWithIt() {
        List<DerivedMessage> derived = agencyMessages(RouteSamples.parse(ALL_AGENCIES));
        Element food = derived.get(0).document().getDocumentElement();
        Element liquor = derived.get(1).document().getDocumentElement();
        Element quarantine = derived.get(2).document().getDocumentElement();

        assertThat(Dom.all(food, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "tw_Food")).hasSize(23);
        assertThat(Dom.all(liquor, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "tw_Wine")).hasSize(12);
        assertThat(Dom.all(quarantine, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "tw_Quarantine")).hasSize(13);
        assertThat(Dom.text(liquor, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "tw_Wine", "tw_AlcoholContentNumeric"))
                .isEqualTo("40");
        assertThat(Dom.text(quarantine, "AdditionalInformation", "StatementDescription"))
                .isEqualTo("Import permit for fresh fruit BAPHIQ-114-0032");
        assertThat(Dom.all(quarantine, "GoodsShipment", "GovernmentAgencyGoodsItem", "AdditionalDocument", "tw_SequenceNumeric"))
                .extracting(e -> e.getTextContent()).startsWith("1", "2", "3").hasSize(13);
        assertThat(Dom.text(food, "tw_Application", "tw_LocalManufacturer", "tw_ChineseName")).isEqualTo("福爾摩沙美食貿易股份有限公司");
        assertThat(Dom.path(food, "GoodsShipment", "GovernmentAgencyGoodsItem", "GoodsMeasure", "NetWeightMeasure")
                .orElseThrow().getAttribute("unitCode")).isEqualTo("KGM");
    }

    @Test
    void foodLiquorFilingGoesToCustomsFoodAndLiquor() {
        List<DerivedMessage> derived = step.derive(RouteSamples.parse(FOOD_LIQUOR));

        assertThat(derived).extracting(DerivedMessage::agency).containsExactly("customs", "CD", "DN");
        assertThat(derived.get(1).itemNumbers()).containsExactly(1, 2, 3);
        assertThat(derived.get(2).itemNumbers()).containsExactly(4, 5);
        assertThat(derived.get(0).itemNumbers()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void foodLiquorMessagesMatchTheHandWrittenSamples() {
        List<DerivedMessage> derived = step.derive(RouteSamples.parse(FOOD_LIQUOR));

        XmlAssert.assertThat(Dom.serialize(derived.get(1).document()))
                .and(RouteSamples.SAMPLES.resolve("NX601/valid/from-food-liquor.xml").toFile())
                .ignoreWhitespace().ignoreComments().areIdentical();
        XmlAssert.assertThat(Dom.serialize(derived.get(2).document()))
                .and(RouteSamples.SAMPLES.resolve("NX301_DN/valid/from-food-liquor.xml").toFile())
                .ignoreWhitespace().ignoreComments().areIdentical();
    }

    @Test
    void customsOnlyFilingGoesToCustomsOnly() {
        List<DerivedMessage> derived = step.derive(RouteSamples.parse("NX5105/valid/customs-only.xml"));

        assertThat(derived).extracting(DerivedMessage::agency).containsExactly("customs");
    }

    @Test
    void commodityInspectionCodesAreKnownButRouteNowhere() {
        ParsedMessage declaration = RouteSamples.parse(FOOD_LIQUOR);
        Element teaCups = itemCommodity(declaration.root(), 6);
        Element code = Dom.append(teaCups, "AdditionalDocument");
        Dom.appendText(code, "ID", "C01");
        teaCups.insertBefore(code, Dom.child(teaCups, "Classification").orElseThrow());

        List<DerivedMessage> derived = step.derive(declaration);

        assertThat(derived).extracting(DerivedMessage::agency).containsExactly("customs", "CD", "DN");
        assertThat(derived.get(0).itemNumbers()).contains(6);
    }

    @Test
    void anAgencyNamedOnlyByCodesStillGetsAValidApplication() {
        ParsedMessage declaration = RouteSamples.parse(FOOD_LIQUOR);
        Element foodApplication = Dom.children(declaration.root(), "tw_Application").get(0);
        declaration.root().removeChild(foodApplication);

        DerivedMessage food = step.derive(declaration).get(1);

        assertThat(food.agency()).isEqualTo("CD");
        assertThat(food.applicationRef()).isEqualTo("AA14K7300102CD");
        assertThat(food.itemNumbers()).containsExactly(1, 2, 3);
        assertValidEverywhere(food);
    }

    @Test
    void requiredTargetDataMissingFromTheDeclarationIsDerived() {
        ParsedMessage declaration = RouteSamples.parse(FOOD_LIQUOR);
        Element root = declaration.root();
        for (Element item : Dom.all(root, "GoodsShipment", "GovernmentAgencyGoodsItem")) {
            removeAll(item, "Manufacturer", "Packaging", "tw_GoodsStatisticalMeasure");
            removeAll(Dom.child(item, "Commodity").orElseThrow(), "Name", "GoodsGroupNameCode", "tw_ChineseDescription",
                    "tw_EnglishDescription", "CommodityRelatedPackaging", "Constituent", "Handling", "tw_Wine");
        }
        for (Element app : Dom.children(root, "tw_Application")) {
            removeAll(app, "tw_PurposeCode", "tw_TypeCode", "ContactOffice", "tw_LocalManufacturer",
                    "tw_AuthorizedInformation", "tw_Wine", "Agent");
        }
        removeAll(Dom.child(root, "Importer").orElseThrow(), "tw_ChineseName", "Address");

        List<DerivedMessage> derived = agencyMessages(declaration);

        assertThat(derived).extracting(DerivedMessage::agency).containsExactly("CD", "DN");
        derived.forEach(DeriveAgencyMessagesTest::assertValidEverywhere);
        Element liquor = derived.get(1).document().getDocumentElement();
        assertThat(Dom.all(liquor, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "tw_Wine", "tw_AlcoholContentNumeric"))
                .extracting(Element::getTextContent).containsExactly("15.5", "12");
        assertThat(Dom.text(liquor, "GoodsShipment", "GovernmentAgencyGoodsItem", "Manufacturer", "Name"))
                .isEqualTo("UJI HARVEST TRADING CO., LTD.");
        Element food = derived.get(0).document().getDocumentElement();
        assertThat(Dom.text(food, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "Constituent", "ElementDescription"))
                .isEqualTo("Green tea leaves (Camellia sinensis) 100%");
        assertThat(Dom.text(food, "Importer", "tw_ChineseName")).isEqualTo("福爾摩沙美食貿易股份有限公司");
    }

    @Test
    void standaloneApplicationGoesToItsAgencyUnchanged() {
        ParsedMessage application = RouteSamples.parse("NX601/valid/standalone.xml");

        DerivedMessage routed = step.routeStandalone(application);

        assertThat(routed.agency()).isEqualTo("CD");
        assertThat(routed.queue()).isEqualTo("agency.CD");
        assertThat(routed.messageType()).isEqualTo("NX601");
        assertThat(routed.applicationRef()).isEqualTo("12345675002501260001");
        assertThat(routed.document()).isSameAs(application.document());
        assertThat(routed.itemNumbers()).isNotEmpty().isSorted();
    }

    @Test
    void standaloneLiquorAndQuarantineApplicationsGoToTheirAgencies() {
        assertThat(step.routeStandalone(RouteSamples.parse("NX301_DN/valid/from-food-liquor.xml")).queue()).isEqualTo("agency.DN");
        assertThat(step.routeStandalone(RouteSamples.parse("NX401/valid/from-all-agencies.xml")).queue()).isEqualTo("agency.VP");
    }

    @Test
    void messagesOfTheWrongKindAreRefused() {
        ParsedMessage declaration = RouteSamples.parse(FOOD_LIQUOR);
        ParsedMessage application = RouteSamples.parse("NX601/valid/standalone.xml");

        assertThatThrownBy(() -> step.routeStandalone(declaration)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> step.derive(application)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Items per agency computed from the sample itself: regulation codes, then the applications' references. */
    private static Map<String, TreeSet<Integer>> expectedItems(Element root) {
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        for (Element item : Dom.all(root, "GoodsShipment", "GovernmentAgencyGoodsItem")) {
            int number = Integer.parseInt(Dom.text(item, "SequenceNumeric"));
            for (Element code : Dom.all(item, "Commodity", "AdditionalDocument", "ID")) {
                expected.computeIfAbsent(AGENCY_BY_CODE.get(code.getTextContent()), a -> new TreeSet<>()).add(number);
            }
        }
        for (Element app : Dom.children(root, "tw_Application")) {
            String agency = Dom.text(app, "ResponsibleGovernmentAgency", "ID");
            for (Element ref : Dom.all(app, "tw_ItemGroupReference", "tw_SequenceNumeric")) {
                expected.computeIfAbsent(agency, a -> new TreeSet<>()).add(Integer.parseInt(ref.getTextContent()));
            }
        }
        return expected;
    }

    private static List<Integer> itemNumbersIn(Document doc) {
        List<Integer> numbers = new ArrayList<>();
        for (Element seq : Dom.all(doc.getDocumentElement(), "GoodsShipment", "GovernmentAgencyGoodsItem", "SequenceNumeric")) {
            numbers.add(Integer.parseInt(seq.getTextContent()));
        }
        return numbers;
    }

    private static List<DerivedMessage> agencyMessages(ParsedMessage declaration) {
        List<DerivedMessage> derived = step.derive(declaration);
        return derived.subList(1, derived.size());
    }

    private static void assertValidEverywhere(DerivedMessage m) {
        Schema ours = SchemaRegistry.bundled().latest(m.messageType()).orElseThrow().schema();
        assertThat(RouteSamples.errors(ours, m.document())).as("ours: " + m.messageType()).isEmpty();
        Optional<Schema> published = OfficialSchemas.of(m.messageType());
        published.ifPresent(s -> assertThat(RouteSamples.errors(s, m.document())).as("published: " + m.messageType()).isEmpty());
    }

    private static Element itemCommodity(Element root, int number) {
        for (Element item : Dom.all(root, "GoodsShipment", "GovernmentAgencyGoodsItem")) {
            if (Integer.parseInt(Dom.text(item, "SequenceNumeric")) == number) {
                return Dom.child(item, "Commodity").orElseThrow();
            }
        }
        throw new IllegalArgumentException("no item " + number);
    }

    private static void removeAll(Element parent, String... names) {
        for (String name : names) {
            for (Element e : Dom.children(parent, name)) {
                parent.removeChild(e);
            }
        }
    }
}
