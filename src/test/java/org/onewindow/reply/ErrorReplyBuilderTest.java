package org.onewindow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.onewindow.message.ErrorCode;
import org.w3c.dom.Document;
import org.xmlunit.assertj3.XmlAssert;

class ErrorReplyBuilderTest extends ReplySchemaContract {
    private static final Instant ISSUED = Instant.parse("2025-11-24T02:15:00Z");
    private static final String HUB_ID = "0f8e4c1a-52b7-4d0e-9a61-3c2b7f1d9e40";
    private static final String DECLARATION = "AA  0011112347";
    private static final String APPLICATION = "12345675SW2511240001";
    private static final Map<String, String> NS = Map.of("r", ErrorReplyBuilder.NAMESPACE);

    private static final RejectedMessage DECLARATION_MESSAGE = new RejectedMessage(HUB_ID, "NX5105", APPLICATION, DECLARATION);
    private static final RejectedMessage UNREADABLE = new RejectedMessage(HUB_ID, null, null, null);

    static Stream<Arguments> documents() {
        return Stream.of(
                doc("schema fault", () -> ErrorReplyBuilder.nx903(DECLARATION_MESSAGE,
                        List.of(new Rejection(ErrorCode.SCHEMA_INVALID, "line 12: element 'Importer' is missing")), ISSUED)),
                doc("unreadable message", () -> ErrorReplyBuilder.nx903(UNREADABLE,
                        List.of(new Rejection(ErrorCode.MALFORMED_XML, "line 1, column 7: content is not allowed in prolog")), ISSUED)),
                doc("long detail", () -> ErrorReplyBuilder.nx903(DECLARATION_MESSAGE,
                        List.of(new Rejection(ErrorCode.SCHEMA_INVALID, "品名不符 ".repeat(200))), ISSUED)),
                doc("many errors", () -> ErrorReplyBuilder.nx903(DECLARATION_MESSAGE, rejections(101), ISSUED)),
                doc("agency silent", () -> ErrorReplyBuilder.nx903(DECLARATION_MESSAGE,
                        List.of(Rejection.agencySilent("CD", APPLICATION, Duration.ofMinutes(10))), ISSUED)),
                doc("malformed declaration number", () -> ErrorReplyBuilder.nx903(
                        new RejectedMessage(HUB_ID, "NX301_DN", "a reference far longer than twenty", "AA 001111234"),
                        List.of(new Rejection(ErrorCode.DECLARATION_NUMBER_FORMAT, "'AA 001111234' has 12 characters")), ISSUED)));
    }

    @Override
    String replyType() {
        return ErrorReplyBuilder.TYPE;
    }

    @Test
    void carriesTheCodeTextAndDetailAndPointsAtTheRejectedMessage() {
        Document doc = ErrorReplyBuilder.nx903(DECLARATION_MESSAGE,
                List.of(new Rejection(ErrorCode.SCHEMA_INVALID, "line 12: element 'Importer' is missing")), ISSUED);

        xml(doc).valueByXPath("/r:Response/r:FunctionalReferenceID")
                .matches("OW251124101500[0-9A-Z]{6}");
        xml(doc).valueByXPath("/r:Response/r:IssueDateTime").isEqualTo("2025-11-24T10:15:00");
        xml(doc).valueByXPath("/r:Response/r:ContactOffice/r:ID").isEqualTo(ErrorReplyBuilder.HUB_OFFICE);
        xml(doc).valueByXPath("count(/r:Response/r:Error)").isEqualTo("1");
        xml(doc).valueByXPath("/r:Response/r:Error/r:ValidationCode").isEqualTo("W");
        xml(doc).valueByXPath("/r:Response/r:Error/r:AdditionalInformation/r:Content")
                .isEqualTo("W004 The message does not conform to its schema: line 12: element 'Importer' is missing");
        xml(doc).valueByXPath("/r:Response/r:Declaration/r:ID").isEqualTo(DECLARATION);
        String previous = "/r:Response/r:Declaration/r:GoodsShipment/r:GovernmentAgencyGoodsItem/r:PreviousDocument/";
        xml(doc).valueByXPath(previous + "r:tw_FunctionalReferenceID").isEqualTo(APPLICATION);
        xml(doc).valueByXPath(previous + "r:tw_UniversallyUniqueID").isEqualTo(HUB_ID);
        xml(doc).valueByXPath(previous + "r:TypeCode").isEqualTo("NX5105");
    }

    @Test
    void leavesOutWhatTheHubCouldNotRead() {
        Document doc = ErrorReplyBuilder.nx903(UNREADABLE, List.of(new Rejection(ErrorCode.MALFORMED_XML, null)), ISSUED);

        xml(doc).valueByXPath("/r:Response/r:Error/r:AdditionalInformation/r:Content")
                .isEqualTo("W001 The message is not well-formed XML");
        xml(doc).valueByXPath("count(//r:Declaration/r:ID)").isEqualTo("0");
        xml(doc).valueByXPath("count(//r:tw_FunctionalReferenceID)").isEqualTo("0");
        xml(doc).valueByXPath("//r:PreviousDocument/r:tw_UniversallyUniqueID").isEqualTo(HUB_ID);
        xml(doc).valueByXPath("//r:PreviousDocument/r:TypeCode").isEqualTo(ErrorReplyBuilder.UNKNOWN_TYPE);
    }

    @Test
    void leavesOutADeclarationNumberOrReferenceThatDoesNotFit() {
        Document doc = ErrorReplyBuilder.nx903(new RejectedMessage(HUB_ID, "NX301_DN", "a reference far longer than twenty", "AA 001111234"),
                List.of(new Rejection(ErrorCode.DECLARATION_NUMBER_FORMAT, "'AA 001111234' has 12 characters")), ISSUED);

        xml(doc).valueByXPath("count(//r:Declaration/r:ID)").isEqualTo("0");
        xml(doc).valueByXPath("count(//r:tw_FunctionalReferenceID)").isEqualTo("0");
        xml(doc).valueByXPath("//r:PreviousDocument/r:TypeCode").isEqualTo("NX301_DN");
        xml(doc).valueByXPath("//r:Error/r:ValidationCode").isEqualTo("B");
        xml(doc).valueByXPath("//r:Error/r:AdditionalInformation/r:Content")
                .startsWith("B101 The declaration number must be 14 characters").endsWith(": 'AA 001111234' has 12 characters");
    }

    @Test
    void givesOneErrorPerRejectionInOrder() {
        Document doc = ErrorReplyBuilder.nx903(DECLARATION_MESSAGE, List.of(
                new Rejection(ErrorCode.APPLICATION_ITEM_UNKNOWN, "Application " + APPLICATION + " refers to item 99; the declaration has items 1–60"),
                new Rejection(ErrorCode.ITEM_SEQUENCE_BROKEN, "Item numbers missing from the sequence: [7]")), ISSUED);

        xml(doc).valueByXPath("count(/r:Response/r:Error)").isEqualTo("2");
        xml(doc).valueByXPath("/r:Response/r:Error[1]/r:AdditionalInformation/r:Content")
                .isEqualTo("B104 An agency application refers to an item the declaration does not contain: Application "
                        + APPLICATION + " refers to item 99; the declaration has items 1–60");
        xml(doc).valueByXPath("/r:Response/r:Error[2]/r:AdditionalInformation/r:Content")
                .startsWith("B105 ").endsWith(": Item numbers missing from the sequence: [7]");
    }

    @Test
    void cutsALongTextToTheFieldLength() {
        Document doc = ErrorReplyBuilder.nx903(DECLARATION_MESSAGE,
                List.of(new Rejection(ErrorCode.SCHEMA_INVALID, "line 1\n\tcolumn 2 " + "x".repeat(1000))), ISSUED);

        xml(doc).valueByXPath("string-length(//r:Error/r:AdditionalInformation/r:Content)").isEqualTo("512");
        xml(doc).valueByXPath("//r:Error/r:AdditionalInformation/r:Content")
                .startsWith("W004 The message does not conform to its schema: line 1 column 2 xxx").endsWith("x…");
    }

    @Test
    void summarisesRejectionsBeyondTheNinetyNinthInTheLastError() {
        Document doc = ErrorReplyBuilder.nx903(DECLARATION_MESSAGE, rejections(101), ISSUED);

        xml(doc).valueByXPath("count(/r:Response/r:Error)").isEqualTo("99");
        xml(doc).valueByXPath("/r:Response/r:Error[98]/r:AdditionalInformation/r:Content")
                .endsWith(": item 98 is listed twice");
        xml(doc).valueByXPath("/r:Response/r:Error[99]/r:AdditionalInformation/r:Content")
                .startsWith("3 further errors not listed, the next being B105 ").endsWith(": item 99 is listed twice");
    }

    @Test
    void namesTheSilentAgency() {
        Document doc = ErrorReplyBuilder.nx903(DECLARATION_MESSAGE,
                List.of(Rejection.agencySilent("CD", APPLICATION, Duration.ofMinutes(10))), ISSUED);

        xml(doc).valueByXPath("//r:Error/r:ValidationCode").isEqualTo("A");
        xml(doc).valueByXPath("//r:Error/r:AdditionalInformation/r:Content")
                .isEqualTo("A201 An agency has not answered within the deadline: Agency CD has not answered application "
                        + APPLICATION + " within 10 minutes");
    }

    @Test
    void givesTheSameReferenceForTheSameReplyAndAnotherForAnother() {
        List<Rejection> errors = List.of(new Rejection(ErrorCode.SCHEMA_INVALID, "x"));
        String first = reference(ErrorReplyBuilder.nx903(DECLARATION_MESSAGE, errors, ISSUED));
        String again = reference(ErrorReplyBuilder.nx903(DECLARATION_MESSAGE, errors, ISSUED));
        String other = reference(ErrorReplyBuilder.nx903(new RejectedMessage("another-hub-id", "NX5105", null, null), errors, ISSUED));

        assertThat(first).hasSize(20).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void refusesToAnswerWithoutAnError() {
        assertThatThrownBy(() -> ErrorReplyBuilder.nx903(DECLARATION_MESSAGE, List.of(), ISSUED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static XmlAssert xml(Document doc) {
        return XmlAssert.assertThat(doc).withNamespaceContext(NS);
    }

    private static String reference(Document doc) {
        return doc.getDocumentElement().getElementsByTagNameNS(ErrorReplyBuilder.NAMESPACE, "FunctionalReferenceID").item(0).getTextContent();
    }

    private static List<Rejection> rejections(int count) {
        List<Rejection> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(new Rejection(ErrorCode.ITEM_SEQUENCE_BROKEN, "item " + i + " is listed twice"));
        }
        return list;
    }
}
