package org.onewindow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onewindow.admit.ReadMessage;
import org.onewindow.message.Headers;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.trust.DocumentSigner;

class DemoAgencyStepTest {
    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final ReadMessage READER = new ReadMessage(SchemaRegistry.bundled(), 10_000_000);

    @AfterAll
    static void close() throws Exception {
        CAMEL.close();
    }

    private static DemoAgencyStep step(String row) {
        DemoAgencyRules rules = DemoAgencyRules.parse(List.of("agency,condition,outcome,text", row), "test");
        return new DemoAgencyStep(READER, rules, SchemaRegistry.bundled(), AnswerAsAgencyTest.CLOCK,
                agency -> DocumentSigner.unsigned());
    }

    private static Exchange exchange(String agency, byte[] body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader(Headers.AGENCY, agency);
        exchange.getIn().setHeader(Headers.HUB_ID, AnswerAsAgencyTest.HUB_ID);
        exchange.getIn().setBody(body);
        return exchange;
    }

    @Test
    void replacesTheBodyWithTheRepliesAsXmlTheHubCanRead() throws Exception {
        byte[] food = Files.readAllBytes(DemoFixtures.sampleFiles("NX601").get(0));
        Exchange exchange = exchange("CD", food);
        step("CD,always,INSPECT,").process(exchange);

        List<?> replies = exchange.getIn().getBody(List.class);
        assertThat(replies).hasSize(3).allSatisfy(reply -> assertThat(reply).isInstanceOf(byte[].class));
        assertThat(replies).extracting(reply -> {
            ReadMessage.Result read = READER.read((byte[]) reply);
            assertThat(read.ok()).as(() -> read.rejection().text()).isTrue();
            return read.message().type().type();
        }).containsExactly("NX901", "NX902", "NX602");
    }

    @Test
    void aRefusalNamesTheHubIdOfTheRefusedMessage() throws Exception {
        byte[] declaration = Files.readAllBytes(DemoFixtures.sampleFiles("NX5105").get(0));
        Exchange exchange = exchange("customs", declaration);
        step("customs,always,REJECT,no").process(exchange);

        List<?> replies = exchange.getIn().getBody(List.class);
        ParsedMessage error = DemoFixtures.parse((byte[]) replies.get(0));
        assertThat(error.text("Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "PreviousDocument", "tw_UniversallyUniqueID"))
                .isEqualTo(AnswerAsAgencyTest.HUB_ID);
    }

    @Test
    void aSilentAgencyLeavesAnEmptyList() throws Exception {
        Exchange exchange = exchange("VP", Files.readAllBytes(DemoFixtures.sampleFiles("NX401").get(0)));
        step("VP,always,SILENT,").process(exchange);
        assertThat(exchange.getIn().getBody(List.class)).isEmpty();
    }

    @Test
    void aMessageItCannotReadFailsTheExchange() {
        Exchange exchange = exchange("DN", "<not-xml".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> step("DN,always,ACCEPT,").process(exchange))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Demo agency DN cannot read its message: W001");
    }
}
