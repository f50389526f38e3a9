package org.onewindow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.SchemaRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xmlunit.assertj3.XmlAssert;

class AnswerAsAgencyTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-24T02:15:00Z"), ZoneOffset.UTC);
    static final String HUB_ID = "0f8e4c1a-52b7-4d0e-9a61-3c2b7f1d9e40";
    static final String TEXT = "Demo remark, with a comma";
    static final Map<String, String> RESULT = Map.of("CD", "NX602", "DN", "NX302_DN", "VP", "NX402");

    /** Where an agency reply carries the application's message reference. */
    static final Map<String, String[]> REFERENCE = Map.of(
            "NX901", new String[] {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"},
            "NX902", new String[] {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"},
            "NX602", new String[] {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"},
            "NX302_DN", new String[] {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"},
            "NX402", new String[] {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"},
            "NX903", new String[] {"Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "PreviousDocument", "tw_FunctionalReferenceID"});

    /** A demo that answers every message of {@code agency} with {@code outcome}. */
    static AnswerAsAgency answering(String agency, DemoOutcome outcome) {
        DemoAgencyRules rules = DemoAgencyRules.parse(
                List.of("agency,condition,outcome,text", agency + ",always," + outcome + "," + TEXT), "test");
        return new AnswerAsAgency(rules, SchemaRegistry.bundled(), CLOCK);
    }

    static boolean dutiesPayable(ParsedMessage declaration) {
        String total = declaration.text("DutyTaxFee", "tw_TotalDutyTaxFeeAmount");
        return total != null && new BigDecimal(total).signum() > 0;
    }

    /** The reply types each agency and outcome give, in order, for a received message. */
    static List<String> expectedTypes(String agency, DemoOutcome outcome, ParsedMessage received) {
        if (outcome == DemoOutcome.SILENT) {
            return List.of();
        }
        if (outcome == DemoOutcome.REJECT) {
            return List.of("NX903");
        }
        List<String> types = new ArrayList<>();
        if (agency.equals("customs")) {
            if (outcome == DemoOutcome.C2 || outcome == DemoOutcome.C3) {
                types.add("N5107");
            }
            if (dutiesPayable(received)) {
                types.add("N5110");
            }
            types.add("N5116");
            return types;
        }
        types.add("NX901");
        if (outcome != DemoOutcome.ACCEPT) {
            types.add("NX902");
        }
        types.add(RESULT.get(agency));
        return types;
    }

    /** Every agency with every outcome it may have, for every valid sample it receives. */
    static Stream<Arguments> outcomes() {
        List<Arguments> all = new ArrayList<>();
        Map<String, List<DemoOutcome>> byAgency = Map.of(
                "customs", List.of(DemoOutcome.ACCEPT, DemoOutcome.C1, DemoOutcome.C2, DemoOutcome.C3, DemoOutcome.REJECT, DemoOutcome.SILENT),
                "CD", agencyOutcomes(), "DN", agencyOutcomes(), "VP", agencyOutcomes());
        for (String agency : List.of("customs", "CD", "DN", "VP")) {
            for (Path sample : DemoFixtures.sampleFiles(AnswerAsAgency.RECEIVES.get(agency))) {
                for (DemoOutcome outcome : byAgency.get(agency)) {
                    all.add(Arguments.of(agency, outcome, sample));
                }
            }
        }
        return all.stream();
    }

    private static List<DemoOutcome> agencyOutcomes() {
        return List.of(DemoOutcome.ACCEPT, DemoOutcome.INSPECT, DemoOutcome.FAIL, DemoOutcome.REJECT, DemoOutcome.SILENT);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outcomes")
    void answersWithTheOutcomesReplyTypesInOrder(String agency, DemoOutcome outcome, Path sample) {
        ParsedMessage received = DemoFixtures.read(sample);
        List<Document> replies = answering(agency, outcome).answer(agency, received, HUB_ID);
        assertThat(replies).extracting(DemoFixtures::typeOf).containsExactlyElementsOf(expectedTypes(agency, outcome, received));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outcomes")
    void repliesAreValidUnderOurSchemas(String agency, DemoOutcome outcome, Path sample) {
        for (Document reply : answering(agency, outcome).answer(agency, DemoFixtures.read(sample), HUB_ID)) {
            DemoFixtures.assertValidUnderOurs(DemoFixtures.typeOf(reply), reply);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outcomes")
    void repliesAreValidUnderTheOfficialSchemas(String agency, DemoOutcome outcome, Path sample) {
        for (Document reply : answering(agency, outcome).answer(agency, DemoFixtures.read(sample), HUB_ID)) {
            DemoFixtures.assertValidUnderOfficial(DemoFixtures.typeOf(reply), reply);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outcomes")
    void repliesCarryTheDeclarationNumberAndApplicationReference(String agency, DemoOutcome outcome, Path sample) {
        ParsedMessage received = DemoFixtures.read(sample);
        String declarationNo = received.text("ID");
        String reference = received.text("FunctionalReferenceID");
        assertThat(declarationNo).hasSize(14);
        for (Document reply : answering(agency, outcome).answer(agency, received, HUB_ID)) {
            Element root = reply.getDocumentElement();
            String type = DemoFixtures.typeOf(reply);
            assertThat(Dom.text(root, "Declaration", "ID")).as(type).isEqualTo(declarationNo);
            if (agency.equals("customs")) {
                if (!type.equals("NX903")) {
                    assertThat(Dom.text(root, "Status", "NameCode")).as(type).isEqualTo(outcome == DemoOutcome.ACCEPT ? "C1" : outcome.name());
                }
            } else {
                assertThat(reference).hasSize(20);
                assertThat(Dom.text(root, REFERENCE.get(type))).as(type).isEqualTo(reference);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agencies")
    void anAcceptedApplicationPassesEveryItem(String agency) {
        ParsedMessage received = DemoFixtures.sample(AnswerAsAgency.RECEIVES.get(agency));
        List<Document> replies = answering(agency, DemoOutcome.ACCEPT).answer(agency, received);
        Element receipt = replies.get(0).getDocumentElement();
        assertThat(Dom.text(receipt, "Status", "NameCode")).isEqualTo("Y");
        assertThat(Dom.text(receipt, "Declaration", "ResponsibleGovernmentAgency", "ID")).isEqualTo(agency);
        assertThat(itemCodes(receipt, "Status", "NameCode")).containsOnlyKeys(DemoFixtures.itemNumbers(received)).containsValue("Y");
        Element result = replies.get(1).getDocumentElement();
        assertThat(Dom.text(result, "Status", "NameCode")).isEqualTo("Y");
        assertThat(Dom.all(result, "Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "Error")).isEmpty();
        assertThat(Dom.text(result, "Declaration", "GoodsShipment", "AdditionalDocument", "ID"))
                .hasSize(14)
                .isEqualTo(Dom.text(receipt, "Declaration", "GoodsShipment", "AdditionalDocument", "ID"));
    }

    static Stream<String> agencies() {
        return Stream.of("CD", "DN", "VP");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agencies")
    void aFailureNamesTheFailedItemsWithTheirReason(String agency) {
        ParsedMessage sample = DemoFixtures.sample(AnswerAsAgency.RECEIVES.get(agency));
        ParsedMessage received = DemoFixtures.withItemKeyword(sample, "DEMO-FAIL", 0);
        List<Integer> items = DemoFixtures.itemNumbers(received);
        List<Document> replies = new AnswerAsAgency(DemoAgencyRules.bundled(), SchemaRegistry.bundled(), CLOCK).answer(agency, received);

        assertThat(replies).extracting(DemoFixtures::typeOf).containsExactly("NX901", "NX902", RESULT.get(agency));
        Element notice = replies.get(1).getDocumentElement();
        assertThat(Dom.text(notice, "tw_Sampling", "tw_SamplingDate")).isEqualTo("2025-11-26");
        assertThat(Dom.text(notice, "Declaration", "DutyTaxFee", "Payment", "PaymentAmount")).isEqualTo(AgencyReplies.INSPECTION_FEE);
        Element result = replies.get(2).getDocumentElement();
        assertThat(Dom.text(result, "Status", "NameCode")).isEqualTo("N");
        Map<Integer, String> codes = agency.equals("VP")
                ? itemCodes(result, "Status", "NameCode")
                : itemCodes(result, "Error", "ValidationCode");
        assertThat(codes).containsEntry(items.get(0), agency.equals("VP") ? "N" : AgencyReplies.FAILURE_REASON);
        for (Integer other : items.subList(1, items.size())) {
            assertThat(codes.get(other)).isIn(null, "Y");
        }
    }

    @Test
    void customsListsTheSelectedItemsInItsFurtherActionNotice() {
        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        ParsedMessage received = DemoFixtures.withItemKeyword(declaration, "DEMO-C3", 0);
        List<Document> replies = new AnswerAsAgency(DemoAgencyRules.bundled(), SchemaRegistry.bundled(), CLOCK).answer("customs", received);
        Element furtherAction = replies.get(0).getDocumentElement();
        assertThat(DemoFixtures.typeOf(replies.get(0))).isEqualTo("N5107");
        assertThat(Dom.text(furtherAction, "Status", "NameCode")).isEqualTo("C3");
        assertThat(Dom.text(furtherAction, "AdditionalInformation", "LimitDateTime")).isEqualTo("2025-12-01");
        assertThat(itemCodes(furtherAction, "Error", "ValidationCode"))
                .containsExactly(Map.entry(DemoFixtures.itemNumbers(received).get(0), CustomsReplies.INSPECTION_DUE));
        Element declaredItem = Dom.all(received.root(), "GoodsShipment", "GovernmentAgencyGoodsItem").get(0);
        List<String> regulations = Dom.all(declaredItem, "Commodity", "AdditionalDocument").stream()
                .map(e -> Dom.text(e, "ID")).filter(code -> code.length() == 3).toList();
        assertThat(Dom.all(furtherAction, "Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "AdditionalInformation", "StatementCode"))
                .extracting(e -> e.getTextContent())
                .containsExactlyElementsOf(regulations);
        Element release = replies.get(replies.size() - 1).getDocumentElement();
        assertThat(Dom.text(release, "Status", "NameCode")).isEqualTo("C3");
        assertThat(Dom.text(release, "Status", "ReleaseDateTime")).isEqualTo("2025-11-24T10:15:00");
        assertThat(Dom.text(release, "Status", "tw_TotalPackageQuantity")).isEqualTo(received.text("TotalPackageQuantity"));
    }

    @Test
    void customsAsksForDutiesOnlyWhenTheyAreAboveZero() {
        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        ParsedMessage owing = DemoFixtures.edited(declaration, root -> setText(root, "12345", "DutyTaxFee", "tw_TotalDutyTaxFeeAmount"));
        ParsedMessage free = DemoFixtures.edited(declaration, root -> setText(root, "0", "DutyTaxFee", "tw_TotalDutyTaxFeeAmount"));
        AnswerAsAgency demo = answering("customs", DemoOutcome.C1);

        List<Document> paying = demo.answer("customs", owing);
        assertThat(paying).extracting(DemoFixtures::typeOf).containsExactly("N5110", "N5116");
        Element duties = paying.get(0).getDocumentElement();
        assertThat(Dom.text(duties, "Declaration", "DutyTaxFee", "tw_TotalDutyTaxFeeAmount")).isEqualTo("12345");
        assertThat(Dom.text(duties, "Declaration", "DutyTaxFee", "Payment", "DueDateTime")).isEqualTo("2025-12-08");
        assertThat(Dom.text(duties, "Declaration", "DutyTaxFee", "Payment", "ReferenceID")).hasSize(14);
        DemoFixtures.assertValidUnderOurs("N5110", paying.get(0));
        DemoFixtures.assertValidUnderOfficial("N5110", paying.get(0));

        assertThat(demo.answer("customs", free)).extracting(DemoFixtures::typeOf).containsExactly("N5116");
    }

    @Test
    void aRefusalNamesTheRefusedMessage() {
        ParsedMessage received = DemoFixtures.sample("NX401");
        Element error = answering("VP", DemoOutcome.REJECT).answer("VP", received, HUB_ID).get(0).getDocumentElement();
        String[] previous = {"Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "PreviousDocument"};
        assertThat(Dom.text(error, "Error", "ValidationCode")).isEqualTo("B");
        assertThat(Dom.text(error, "Error", "AdditionalInformation", "Content")).isEqualTo(TEXT);
        assertThat(Dom.text(Dom.path(error, previous).orElseThrow(), "tw_UniversallyUniqueID")).isEqualTo(HUB_ID);
        assertThat(Dom.text(Dom.path(error, previous).orElseThrow(), "TypeCode")).isEqualTo("NX401");
        assertThat(Dom.text(error, "FunctionalReferenceID")).startsWith("VPE251124101500").hasSize(19);

        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        Element refusal = answering("customs", DemoOutcome.REJECT).answer("customs", declaration).get(0).getDocumentElement();
        Element refused = Dom.path(refusal, previous).orElseThrow();
        assertThat(Dom.child(refused, "tw_FunctionalReferenceID")).isEmpty();
        assertThat(Dom.text(refused, "tw_UniversallyUniqueID")).matches("[0-9a-f-]{36}");
        assertThat(Dom.text(refused, "TypeCode")).isEqualTo("NX5105");
        assertThat(Dom.text(refusal, "ContactOffice", "ID")).isEqualTo(declaration.text("ID").substring(0, 2).strip());
    }

    @Test
    void theSameMessageGetsTheSameReplies() {
        ParsedMessage received = DemoFixtures.sample("NX301_DN");
        AnswerAsAgency demo = answering("DN", DemoOutcome.INSPECT);
        List<Document> first = demo.answer("DN", received, HUB_ID);
        List<Document> second = demo.answer("DN", DemoFixtures.read(DemoFixtures.sampleFiles("NX301_DN").get(0)), HUB_ID);
        for (int i = 0; i < first.size(); i++) {
            XmlAssert.assertThat(Dom.serialize(second.get(i))).and(Dom.serialize(first.get(i))).areIdentical();
        }
    }

    @Test
    void aWithdrawalIsTakenNoteOfWithoutAReply() {
        AnswerAsAgency demo = new AnswerAsAgency(DemoAgencyRules.bundled(), SchemaRegistry.bundled(), CLOCK);
        ParsedMessage withdrawal = DemoFixtures.read(java.nio.file.Path.of("samples/NX5105D/valid/withdraw-food-liquor.xml"));
        for (String agency : AnswerAsAgency.RECEIVES.keySet()) {
            assertThat(demo.answer(agency, withdrawal, HUB_ID)).as(agency).isEmpty();
        }
    }

    @Test
    void aMessageOfTheWrongTypeOrForAnUnknownAgencyIsRefused() {
        AnswerAsAgency demo = new AnswerAsAgency(DemoAgencyRules.bundled(), SchemaRegistry.bundled(), CLOCK);
        assertThatThrownBy(() -> demo.answer("customs", DemoFixtures.sample("NX601")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customs receives NX5105, not NX601");
        assertThatThrownBy(() -> demo.answer("CI", DemoFixtures.sample("NX601")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No demo agency 'CI'");
    }

    /** Item sequence number → the code at {@code path} below each reply item. */
    static Map<Integer, String> itemCodes(Element root, String... path) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Element item : Dom.all(root, "Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem")) {
            String code = Dom.text(item, path);
            if (code != null) {
                out.put(Integer.valueOf(Dom.text(item, "SequenceNumeric")), code);
            }
        }
        return out;
    }

    private static void setText(Element root, String text, String... path) {
        Dom.path(root, path).orElseThrow().setTextContent(text);
    }
}
