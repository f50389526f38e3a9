package org.onewindow.admit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;

class DeclarationRulesTest {
    private static final String NS = SchemaRegistry.bundled().latest("NX5105").orElseThrow().namespace();

    @Test
    void declarationNumberMustSplitTwoTwoTwoThreeFive() throws Exception {
        CheckDeclarationNumber rule = new CheckDeclarationNumber();
        assertThat(rule.check(declaration("9", "AA  1141110001", "", ""))).isEmpty();
        assertThat(rule.check(declaration("9", "AABC1141110001", "", ""))).isEmpty();
        assertThat(codes(rule.check(declaration("9", "AA  11411A0001", "", "")))).containsExactly(ErrorCode.DECLARATION_NUMBER_FORMAT);
        assertThat(codes(rule.check(declaration("9", "A   1141110001", "", "")))).containsExactly(ErrorCode.DECLARATION_NUMBER_FORMAT);
    }

    @Test
    void functionCodeMustBeNewReplaceOrDelete() throws Exception {
        CheckFunctionCode rule = new CheckFunctionCode();
        for (String ok : List.of("9", "5", "1")) {
            assertThat(rule.check(declaration(ok, "AA  1141110001", "", ""))).isEmpty();
        }
        assertThat(codes(rule.check(declaration("7", "AA  1141110001", "", "")))).containsExactly(ErrorCode.FUNCTION_CODE_NOT_ALLOWED);
    }

    @Test
    void itemNumbersMustBeUniqueAndContiguous() throws Exception {
        CheckItemSequence rule = new CheckItemSequence();
        assertThat(rule.check(declaration("9", "AA  1141110001", items(1, 2, 3), ""))).isEmpty();
        List<Rejection> gap = rule.check(declaration("9", "AA  1141110001", items(1, 2, 4), ""));
        assertThat(codes(gap)).containsExactly(ErrorCode.ITEM_SEQUENCE_BROKEN);
        assertThat(gap.get(0).detail()).contains("[3]");
        List<Rejection> twice = rule.check(declaration("9", "AA  1141110001", items(1, 2, 2), ""));
        assertThat(twice.get(0).detail()).contains("more than once: [2]");
    }

    @Test
    void applicationsMayOnlyReferToExistingItems() throws Exception {
        CheckApplicationItems rule = new CheckApplicationItems();
        assertThat(rule.check(declaration("9", "AA  1141110001", items(1, 2), application("12345675SW2511240001", 1, 2)))).isEmpty();
        List<Rejection> faults = rule.check(declaration("9", "AA  1141110001", items(1, 2), application("12345675SW2511240001", 2, 99)));
        assertThat(codes(faults)).containsExactly(ErrorCode.APPLICATION_ITEM_UNKNOWN);
        assertThat(faults.get(0).detail()).contains("12345675SW2511240001").contains("[99]");
    }

    private static List<ErrorCode> codes(List<Rejection> rejections) {
        return rejections.stream().map(Rejection::code).toList();
    }

    private static String items(int... numbers) {
        StringBuilder xml = new StringBuilder("<GoodsShipment>");
        for (int n : numbers) {
            xml.append("<GovernmentAgencyGoodsItem><SequenceNumeric>").append(n).append("</SequenceNumeric></GovernmentAgencyGoodsItem>");
        }
        return xml.append("</GoodsShipment>").toString();
    }

    private static String application(String ref, int... items) {
        StringBuilder xml = new StringBuilder("<tw_Application><tw_FunctionalReferenceID>").append(ref).append("</tw_FunctionalReferenceID>");
        for (int n : items) {
            xml.append("<tw_ItemGroupReference><tw_SequenceNumeric>").append(n).append("</tw_SequenceNumeric></tw_ItemGroupReference>");
        }
        return xml.append("</tw_Application>").toString();
    }

    /** Just the parts the rules read; schema validity is ReadMessage's business, tested elsewhere. */
    private static ParsedMessage declaration(String functionCode, String id, String goods, String applications) throws Exception {
        String xml = "<Declaration xmlns=\"" + NS + "\"><FunctionCode>" + functionCode + "</FunctionCode><ID>" + id + "</ID>"
                + goods + applications + "</Declaration>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        var document = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        return new ParsedMessage(SchemaRegistry.bundled().latest("NX5105").orElseThrow(), document, bytes);
    }
}
