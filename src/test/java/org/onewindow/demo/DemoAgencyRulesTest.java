package org.onewindow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;

class DemoAgencyRulesTest {
    private static final String HEADER = "agency,condition,outcome,text";

    private static DemoAgencyRules rules(String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add("# test rules");
        lines.add(HEADER);
        lines.addAll(List.of(rows));
        return DemoAgencyRules.parse(lines, "test");
    }

    @Test
    void bundledRulesLoadAndEndWithADefaultThatAccepts() {
        DemoAgencyRules bundled = DemoAgencyRules.bundled();
        assertThat(bundled).isSameAs(DemoAgencyRules.bundled());
        DemoAgencyRules.Rule last = bundled.rules().get(bundled.rules().size() - 1);
        assertThat(last.agency()).isEqualTo("*");
        assertThat(last.condition().field()).isEqualTo(DemoAgencyRules.Field.ALWAYS);
        assertThat(last.outcome()).isEqualTo(DemoOutcome.ACCEPT);
    }

    @Test
    void bundledRulesAcceptTheOrdinarySamples() {
        for (String type : AnswerAsAgency.RECEIVES.values()) {
            String agency = agencyReceiving(type);
            for (var file : DemoFixtures.sampleFiles(type)) {
                DemoAgencyRules.Decision decision = DemoAgencyRules.bundled().decide(agency, DemoFixtures.read(file));
                assertThat(decision.outcome()).as("%s for %s", file, agency).isIn(DemoOutcome.ACCEPT, DemoOutcome.C1);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "CD,       DEMO-FAIL,     FAIL",
            "CD,       DEMO-INSPECT,  INSPECT",
            "CD,       DEMO-REJECT,   REJECT",
            "CD,       DEMO-SILENT,   SILENT",
            "customs,  DEMO-C2,       C2",
            "customs,  DEMO-C3,       C3",
            "customs,  DEMO-CUSTOMS-REJECT, REJECT",
            "customs,  DEMO-CUSTOMS-SILENT, SILENT",
            "customs,  DEMO-FAIL,     ACCEPT"})
    void bundledKeywordsProvokeTheirOutcome(String agency, String keyword, DemoOutcome expected) {
        ParsedMessage message = DemoFixtures.withItemKeyword(DemoFixtures.sample(AnswerAsAgency.RECEIVES.get(agency)), keyword, 0);
        DemoAgencyRules.Decision decision = DemoAgencyRules.bundled().decide(agency, message);
        assertThat(decision.outcome()).isEqualTo(expected);
        if (expected != DemoOutcome.ACCEPT) {
            assertThat(decision.items()).containsExactly(DemoFixtures.itemNumbers(message).get(0));
            assertThat(decision.line()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0} serial {1} → {2}")
    @CsvSource({
            "customs, 99901, SILENT", "VP, 99901, SILENT",
            "customs, 99801, REJECT", "DN, 99701, REJECT",
            "customs, 99301, C3", "customs, 99201, C2", "CD, 99601, INSPECT", "customs, 99601, ACCEPT"})
    void bundledSerialsProvokeTheirOutcome(String agency, String serial, DemoOutcome expected) {
        ParsedMessage message = DemoFixtures.withSerial(DemoFixtures.sample(AnswerAsAgency.RECEIVES.get(agency)), serial);
        DemoAgencyRules.Decision decision = DemoAgencyRules.bundled().decide(agency, message);
        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.items()).isEqualTo(DemoFixtures.itemNumbers(message));
    }

    @Test
    void firstMatchingRowWinsAndOnlyForItsAgency() {
        DemoAgencyRules rules = rules(
                "DN,always,REJECT,liquor only",
                "agencies,always,INSPECT,",
                "*,always,SILENT,");
        ParsedMessage food = DemoFixtures.sample("NX601");
        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        assertThat(rules.decide("CD", food).outcome()).isEqualTo(DemoOutcome.INSPECT);
        assertThat(rules.decide("CD", food).text()).isEqualTo(DemoOutcome.INSPECT.standardText());
        assertThat(rules.decide("CD", food).line()).isEqualTo(4);
        assertThat(rules.decide("DN", DemoFixtures.sample("NX301_DN")).text()).isEqualTo("liquor only");
        assertThat(rules.decide("customs", declaration).outcome()).isEqualTo(DemoOutcome.SILENT);
    }

    @Test
    void messageConditionsCompareIgnoringCase() {
        ParsedMessage food = DemoFixtures.sample("NX601");
        String declarationNo = food.text("ID");
        String importer = food.text("Importer", "ID");
        String reference = food.text("FunctionalReferenceID");
        assertThat(rules("CD,declaration is " + declarationNo.toLowerCase() + ",FAIL,").decide("CD", food).outcome())
                .isEqualTo(DemoOutcome.FAIL);
        assertThat(rules("CD,importer is " + importer + ",REJECT,").decide("CD", food).outcome()).isEqualTo(DemoOutcome.REJECT);
        assertThat(rules("CD,reference endsWith " + reference.substring(16) + ",SILENT,").decide("CD", food).outcome())
                .isEqualTo(DemoOutcome.SILENT);
        assertThat(rules("CD,serial is " + declarationNo.substring(9) + ",INSPECT,").decide("CD", food).outcome())
                .isEqualTo(DemoOutcome.INSPECT);
        assertThat(rules("CD,serial is 0000X,INSPECT,").decide("CD", food).outcome()).isEqualTo(DemoOutcome.ACCEPT);
    }

    @Test
    void itemConditionsPickTheMatchingItems() {
        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        List<Integer> items = DemoFixtures.itemNumbers(declaration);
        int last = items.size() - 1;
        ParsedMessage marked = DemoFixtures.withItemKeyword(declaration, "demo-c3", last);
        DemoAgencyRules.Decision decision = rules("customs,item contains DEMO-C3,C3,look").decide("customs", marked);
        assertThat(decision.outcome()).isEqualTo(DemoOutcome.C3);
        assertThat(decision.items()).containsExactly(items.get(last));

        String tariff = Dom.text(
                Dom.all(declaration.root(), "GoodsShipment", "GovernmentAgencyGoodsItem").get(0),
                "Commodity", "Classification", "ID");
        DemoAgencyRules.Decision byTariff = rules("customs,hs startsWith " + tariff.substring(0, 4) + ",C2,").decide("customs", declaration);
        assertThat(byTariff.outcome()).isEqualTo(DemoOutcome.C2);
        assertThat(byTariff.items()).contains(items.get(0));
    }

    @Test
    void withoutAMatchingRowTheMessageIsAccepted() {
        ParsedMessage food = DemoFixtures.sample("NX601");
        DemoAgencyRules.Decision decision = rules("DN,always,REJECT,").decide("CD", food);
        assertThat(decision.outcome()).isEqualTo(DemoOutcome.ACCEPT);
        assertThat(decision.line()).isZero();
        assertThat(decision.items()).isEqualTo(DemoFixtures.itemNumbers(food));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "XX,always,ACCEPT,                | line 3: unknown agency 'XX'",
            "CD,always,C2,                    | line 3: outcome C2 does not apply to 'CD'",
            "customs,always,FAIL,             | line 3: outcome FAIL does not apply to 'customs'",
            "*,always,INSPECT,                | line 3: outcome INSPECT does not apply to '*'",
            "agencies,always,C1,              | line 3: outcome C1 does not apply to 'agencies'",
            "CD,always,MAYBE,                 | line 3: unknown outcome 'MAYBE'",
            "CD,colour is red,ACCEPT,         | line 3: unknown field 'colour'",
            "CD,item resembles tea,ACCEPT,    | line 3: unknown operator 'resembles'",
            "CD,item contains,ACCEPT,         | line 3: condition 'item contains'",
            "CD,always                        |",
            "customs,reference is X,REJECT,   | line 3: customs receives no application reference"})
    void brokenRowsAreRefusedWithTheirLineNumber(String row, String message) {
        assertThatThrownBy(() -> rules(row.strip()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message == null ? "line 3: expected the columns" : message.strip());
    }

    @Test
    void theHeaderIsRequired() {
        assertThatThrownBy(() -> DemoAgencyRules.parse(List.of("CD,always,ACCEPT,"), "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1: expected the header");
        assertThatThrownBy(() -> DemoAgencyRules.parse(List.of("# nothing"), "test"))
                .hasMessageContaining("no header");
    }

    @Test
    void theTextMayContainCommas() {
        DemoAgencyRules rules = rules("CD,always,REJECT,missing: certificate, invoice");
        assertThat(rules.decide("CD", DemoFixtures.sample("NX601")).text()).isEqualTo("missing: certificate, invoice");
    }

    static String agencyReceiving(String type) {
        return AnswerAsAgency.RECEIVES.entrySet().stream().filter(e -> e.getValue().equals(type)).findFirst().orElseThrow().getKey();
    }
}
