package org.onewindow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.onewindow.message.ErrorCode;
import org.w3c.dom.Document;
import org.xmlunit.assertj3.XmlAssert;

class MergedAcknowledgementBuilderTest extends ReplySchemaContract {
    private static final Instant ISSUED = Instant.parse("2025-11-24T02:15:00Z");
    private static final String DECLARATION = "AA  0011112347";
    private static final String FOOD_APP = "12345675SW2511240001";
    private static final String LIQUOR_APP = "12345675SW2511240002";
    private static final Map<String, String> NS = Map.of("r", MergedAcknowledgementBuilder.NAMESPACE);
    private static final String APP_RESPONSE = "/r:Response/r:Declaration/r:tw_ApplicationResponse";

    private static final AgencyVerdict CUSTOMS_OK = new AgencyVerdict("customs", null, true, Map.of(1, "Y", 2, "Y", 3, "Y"), "C1");
    private static final AgencyVerdict FOOD_OK = new AgencyVerdict("CD", FOOD_APP, true, Map.of(1, "Y", 2, "Y"), "Received");
    private static final AgencyVerdict LIQUOR_OK = new AgencyVerdict("DN", LIQUOR_APP, true, Map.of(3, "Y"), null);
    private static final AgencyVerdict FOOD_REFUSED = new AgencyVerdict("CD", FOOD_APP, false, Map.of(1, "Y", 2, "N"),
            "Item 2: the product registration number is not on file");
    private static final Rejection ITEM_UNKNOWN = new Rejection(ErrorCode.APPLICATION_ITEM_UNKNOWN,
            "Application " + FOOD_APP + " refers to item 99; the declaration has items 1–60");
    private static final Rejection SEQUENCE = new Rejection(ErrorCode.ITEM_SEQUENCE_BROKEN, "Item numbers missing from the sequence: [7]");

    static Stream<Arguments> documents() {
        return Stream.of(
                doc("accepted", () -> MergedAcknowledgementBuilder.nx5106(
                        new MergedVerdict(DECLARATION, true, List.of(CUSTOMS_OK, FOOD_OK, LIQUOR_OK), List.of()), ISSUED)),
                doc("refused by an agency", () -> MergedAcknowledgementBuilder.nx5106(
                        new MergedVerdict(DECLARATION, false, List.of(CUSTOMS_OK, FOOD_REFUSED, LIQUOR_OK), List.of()), ISSUED)),
                doc("business-rule rejection", () -> MergedAcknowledgementBuilder.nx5106(
                        MergedVerdict.rejected(DECLARATION, List.of(ITEM_UNKNOWN, SEQUENCE)), ISSUED)),
                doc("long texts and many codes", () -> MergedAcknowledgementBuilder.nx5106(
                        new MergedVerdict(DECLARATION, false, manyCodes(), List.of()), ISSUED)),
                doc("no agencies", () -> MergedAcknowledgementBuilder.nx5106(
                        new MergedVerdict("AA  0011112347", true, List.of(), List.of()), ISSUED)));
    }

    @Override
    String replyType() {
        return MergedAcknowledgementBuilder.TYPE;
    }

    @Test
    void acceptedDeclarationSaysYesOverallPerItemAndPerAgency() {
        Document doc = MergedAcknowledgementBuilder.nx5106(
                new MergedVerdict(DECLARATION, true, List.of(CUSTOMS_OK, FOOD_OK, LIQUOR_OK), List.of()), ISSUED);

        xml(doc).valueByXPath("/r:Response/r:Status/r:NameCode").isEqualTo("Y");
        xml(doc).valueByXPath("/r:Response/r:AdditionalInformation/r:StatementDescription").isEqualTo("Accepted: customs, CD, DN");
        xml(doc).valueByXPath("/r:Response/r:Declaration/r:ID").isEqualTo(DECLARATION);
        xml(doc).valueByXPath("/r:Response/r:Declaration/r:AdditionalInformation/r:tw_IssueDateTime").isEqualTo("2025-11-24T10:15:00");
        xml(doc).valueByXPath("count(//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem)").isEqualTo("3");
        xml(doc).valueByXPath("//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem[3]/r:SequenceNumeric").isEqualTo("3");
        xml(doc).valueByXPath("count(//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem/r:Status[r:NameCode!='Y'])").isEqualTo("0");
        xml(doc).valueByXPath("count(" + APP_RESPONSE + ")").isEqualTo("3");

        String customs = APP_RESPONSE + "[r:ContactOffice/r:ID='customs']";
        xml(doc).valueByXPath(customs + "/r:Status/r:NameCode").isEqualTo("Y");
        xml(doc).valueByXPath(customs + "/r:AdditionalInformation/r:Content").isEqualTo("C1");
        xml(doc).valueByXPath(customs + "/r:tw_Application/r:PreviousDocument/r:tw_FunctionalReferenceID").isEqualTo(DECLARATION);
        xml(doc).valueByXPath(customs + "/r:tw_Application/r:ResponsibleGovernmentAgency/r:ID").isEqualTo("AA");

        String food = APP_RESPONSE + "[r:ContactOffice/r:ID='CD']";
        xml(doc).valueByXPath(food + "/r:tw_Application/r:PreviousDocument/r:tw_FunctionalReferenceID").isEqualTo(FOOD_APP);
        xml(doc).valueByXPath(food + "/r:tw_Application/r:ResponsibleGovernmentAgency/r:ID").isEqualTo("CD");
        xml(doc).valueByXPath(food + "/r:tw_Application/r:tw_FunctionCode").isEqualTo("9");
        xml(doc).valueByXPath("count(" + food + "/r:tw_Application/r:GoodsShipment/r:GovernmentAgencyGoodsItem)").isEqualTo("2");

        String liquor = APP_RESPONSE + "[r:ContactOffice/r:ID='DN']";
        xml(doc).valueByXPath("count(" + liquor + "/r:AdditionalInformation)").isEqualTo("0");
        xml(doc).valueByXPath(liquor + "/r:tw_Application/r:GoodsShipment/r:GovernmentAgencyGoodsItem/r:SequenceNumeric").isEqualTo("3");
    }

    @Test
    void refusalByAnAgencyShowsOnTheItemAndTheAgency() {
        Document doc = MergedAcknowledgementBuilder.nx5106(
                new MergedVerdict(DECLARATION, false, List.of(CUSTOMS_OK, FOOD_REFUSED, LIQUOR_OK), List.of()), ISSUED);

        xml(doc).valueByXPath("/r:Response/r:Status/r:NameCode").isEqualTo("N");
        xml(doc).valueByXPath("/r:Response/r:AdditionalInformation/r:StatementDescription").isEqualTo("Rejected by CD");
        String item = "//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem";
        xml(doc).valueByXPath(item + "[r:SequenceNumeric=1]/r:Status/r:NameCode").isEqualTo("Y");
        xml(doc).valueByXPath(item + "[r:SequenceNumeric=2]/r:Status/r:NameCode").isEqualTo("N");
        String food = APP_RESPONSE + "[r:ContactOffice/r:ID='CD']";
        xml(doc).valueByXPath(food + "/r:Status/r:NameCode").isEqualTo("N");
        xml(doc).valueByXPath(food + "/r:AdditionalInformation/r:Content").isEqualTo("Item 2: the product registration number is not on file");
        xml(doc).valueByXPath(food + "/r:tw_Application/r:GoodsShipment/r:GovernmentAgencyGoodsItem[r:SequenceNumeric=2]/r:Status/r:NameCode")
                .isEqualTo("N");
    }

    @Test
    void businessRuleRejectionCarriesEachCodeAndItsFullText() {
        Document doc = MergedAcknowledgementBuilder.nx5106(MergedVerdict.rejected(DECLARATION, List.of(ITEM_UNKNOWN, SEQUENCE)), ISSUED);

        xml(doc).valueByXPath("/r:Response/r:Status/r:NameCode").isEqualTo("N");
        xml(doc).valueByXPath("/r:Response/r:AdditionalInformation/r:StatementDescription").isEqualTo("Rejected: B104, B105");
        xml(doc).valueByXPath("count(//r:Declaration/r:GoodsShipment)").isEqualTo("0");
        xml(doc).valueByXPath("count(" + APP_RESPONSE + ")").isEqualTo("2");

        String first = APP_RESPONSE + "[1]";
        xml(doc).valueByXPath(first + "/r:ContactOffice/r:ID").isEqualTo(ErrorReplyBuilder.HUB_OFFICE);
        xml(doc).valueByXPath(first + "/r:Status[1]/r:NameCode").isEqualTo("N");
        xml(doc).valueByXPath(first + "/r:Status[2]/r:NameCode").isEqualTo("B104");
        xml(doc).valueByXPath(first + "/r:AdditionalInformation/r:Content")
                .isEqualTo("B104 An agency application refers to an item the declaration does not contain: Application "
                        + FOOD_APP + " refers to item 99; the declaration has items 1–60");
        xml(doc).valueByXPath(first + "/r:tw_Application/r:PreviousDocument/r:tw_FunctionalReferenceID").isEqualTo(DECLARATION);
        xml(doc).valueByXPath(first + "/r:tw_Application/r:ResponsibleGovernmentAgency/r:ID").isEqualTo("AA");

        xml(doc).valueByXPath(APP_RESPONSE + "[2]/r:Status[2]/r:NameCode").isEqualTo("B105");
        xml(doc).valueByXPath(APP_RESPONSE + "[2]/r:AdditionalInformation/r:Content").endsWith(": Item numbers missing from the sequence: [7]");
    }

    @Test
    void cutsTextsToTheirFieldsAndKeepsAtMostNineCodesPerItem() {
        Document doc = MergedAcknowledgementBuilder.nx5106(new MergedVerdict(DECLARATION, false, manyCodes(), List.of()), ISSUED);

        xml(doc).valueByXPath("/r:Response/r:AdditionalInformation/r:StatementDescription")
                .hasSizeLessThanOrEqualTo(35).startsWith("Rejected by A0, A1, A2").endsWith("…");
        xml(doc).valueByXPath("string-length(" + APP_RESPONSE + "[1]/r:AdditionalInformation/r:Content)").isEqualTo("512");
        xml(doc).valueByXPath("count(//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem/r:Status)").isEqualTo("9");
        xml(doc).valueByXPath("//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem/r:Status[1]/r:NameCode").isEqualTo("N");
        xml(doc).valueByXPath("//r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem/r:Status[2]/r:NameCode").isEqualTo("E100");
    }

    @Test
    void answersOnlyForAFourteenCharacterDeclarationNumber() {
        assertThat(MergedAcknowledgementBuilder.canCarry(DECLARATION)).isTrue();
        assertThat(MergedAcknowledgementBuilder.canCarry("AA 0011112347")).isFalse();
        assertThat(MergedAcknowledgementBuilder.canCarry(null)).isFalse();
        assertThatThrownBy(() -> MergedAcknowledgementBuilder.nx5106(MergedVerdict.rejected("AA 0011112347", List.of(SEQUENCE)), ISSUED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NX903");
    }

    @Test
    void anAcceptedVerdictCannotCarryErrors() {
        assertThatThrownBy(() -> new MergedVerdict(DECLARATION, true, List.of(), List.of(SEQUENCE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Twelve refusing agencies, each giving item 1 its own code, one with a 600-character remark. */
    private static List<AgencyVerdict> manyCodes() {
        List<AgencyVerdict> agencies = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<Integer, String> items = new LinkedHashMap<>();
            items.put(1, "E1" + String.format("%02d", i) + "-too-long");
            agencies.add(new AgencyVerdict("A" + i, "12345675SW25112400" + String.format("%02d", i), false, items,
                    i == 0 ? "說明".repeat(300) : "refused"));
        }
        return agencies;
    }

    private static XmlAssert xml(Document doc) {
        return XmlAssert.assertThat(doc).withNamespaceContext(NS);
    }
}
