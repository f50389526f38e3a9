package org.onewindow.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.correlate.AgencyReply.Kind;
import org.onewindow.demo.AnswerAsAgency;
import org.onewindow.demo.DemoAgencyRules;
import org.onewindow.demo.DemoFixtures;
import org.onewindow.demo.DemoOutcome;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.SchemaRegistry;
import org.w3c.dom.Document;

/** Reads back what the demo agencies put into their replies, for every agency and outcome. */
class AgencyReplyReaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-24T02:15:00Z"), ZoneOffset.UTC);
    private static final String TEXT = "Remark from the demo";
    private static final Map<String, Kind> KIND = Map.of(
            "NX901", Kind.RECEIVED, "NX902", Kind.NOTICE, "NX903", Kind.ERROR,
            "NX602", Kind.RESULT, "NX302_DN", Kind.RESULT, "NX402", Kind.RESULT,
            "N5107", Kind.CUSTOMS_SELECTION, "N5110", Kind.DUTIES, "N5116", Kind.RELEASE);

    private final AgencyReplyReader reader = new AgencyReplyReader();

    private static AnswerAsAgency answering(String agency, DemoOutcome outcome) {
        String csv = "agency,condition,outcome,text\n" + agency + ",always," + outcome + "," + TEXT + "\n";
        DemoAgencyRules rules = DemoAgencyRules.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
        return new AnswerAsAgency(rules, SchemaRegistry.bundled(), CLOCK);
    }

    /** One demo reply: who sent it, under which outcome, the message it answers, and the reply as the wire carries it. */
    record Case(String agency, DemoOutcome outcome, ParsedMessage received, ParsedMessage reply) {
        @Override
        public String toString() {
            return agency + " " + outcome + " " + reply.type().type();
        }
    }

    static Stream<Arguments> replies() {
        Map<String, List<DemoOutcome>> outcomes = Map.of(
                "customs", List.of(DemoOutcome.C1, DemoOutcome.C2, DemoOutcome.C3, DemoOutcome.REJECT),
                "CD", List.of(DemoOutcome.ACCEPT, DemoOutcome.INSPECT, DemoOutcome.FAIL, DemoOutcome.REJECT),
                "DN", List.of(DemoOutcome.ACCEPT, DemoOutcome.INSPECT, DemoOutcome.FAIL, DemoOutcome.REJECT),
                "VP", List.of(DemoOutcome.ACCEPT, DemoOutcome.INSPECT, DemoOutcome.FAIL, DemoOutcome.REJECT));
        List<Arguments> all = new ArrayList<>();
        for (String agency : List.of("customs", "CD", "DN", "VP")) {
            ParsedMessage received = DemoFixtures.sample(AnswerAsAgency.RECEIVES.get(agency));
            if (agency.equals("customs")) {
                received = DemoFixtures.edited(received, root -> Dom.path(root, "DutyTaxFee", "tw_TotalDutyTaxFeeAmount")
                        .orElseThrow().setTextContent("4321"));
            }
            for (DemoOutcome outcome : outcomes.get(agency)) {
                for (Document reply : answering(agency, outcome).answer(agency, received)) {
                    all.add(Arguments.of(new Case(agency, outcome, received, DemoFixtures.parse(Dom.serialize(reply)))));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsTheReferencesTheDemoPutIn(Case c) {
        AgencyReply reply = reader.read(c.reply(), c.agency());
        assertThat(reply.agency()).isEqualTo(c.agency());
        assertThat(reply.messageType()).isEqualTo(c.reply().type().type());
        assertThat(reply.declarationNo()).isEqualTo(c.received().text("ID")).hasSize(14);
        if (c.agency().equals("customs")) {
            assertThat(reply.applicationRef()).isNull();
        } else {
            assertThat(reply.applicationRef()).isEqualTo(c.received().text("FunctionalReferenceID")).hasSize(20);
        }
        assertThat(reply.kind()).isEqualTo(KIND.get(reply.messageType()));
        assertThat(reply.text()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsTheVerdictAndSelectionTheDemoPutIn(Case c) {
        AgencyReply reply = reader.read(c.reply(), c.agency());
        String expectedVerdict = switch (reply.kind()) {
            case RECEIVED, CUSTOMS_SELECTION, RELEASE -> "Y";
            case ERROR -> "N";
            case RESULT -> c.outcome() == DemoOutcome.FAIL ? "N" : "Y";
            case NOTICE, DUTIES -> null;
        };
        assertThat(reply.verdict()).isEqualTo(expectedVerdict);
        if (c.agency().equals("customs") && reply.kind() != Kind.ERROR) {
            assertThat(reply.selection()).isEqualTo(c.outcome().name());
        } else {
            assertThat(reply.selection()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsTheItemStatusesTheDemoPutIn(Case c) {
        AgencyReply reply = reader.read(c.reply(), c.agency());
        List<Integer> items = DemoFixtures.itemNumbers(c.received());
        switch (reply.messageType()) {
            case "NX901" -> assertThat(reply.itemStatus()).containsOnlyKeys(items).containsValues("Y").doesNotContainValue("N");
            case "NX402" -> {
                assertThat(reply.itemStatus()).containsOnlyKeys(items);
                assertThat(reply.itemStatus().values()).containsOnly(c.outcome() == DemoOutcome.FAIL ? "N" : "Y");
            }
            case "NX602", "NX302_DN" -> {
                if (c.outcome() == DemoOutcome.FAIL) {
                    assertThat(reply.itemStatus()).containsOnlyKeys(items).containsValues("D01").doesNotContainValue("Y");
                } else if (reply.messageType().equals("NX602")) {
                    assertThat(reply.itemStatus()).isEmpty(); // NX602 lists failed items only
                } else {
                    assertThat(reply.itemStatus()).containsOnlyKeys(items);
                    assertThat(reply.itemStatus().values()).containsOnly("Y");
                }
            }
            case "N5107" -> assertThat(reply.itemStatus()).containsOnlyKeys(items)
                    .containsValues(c.outcome() == DemoOutcome.C3 ? "INS" : "DOC");
            default -> assertThat(reply.itemStatus()).isEmpty();
        }
    }

    /** Every valid sample of every reply type, with the agency its file name starts with (customs for N51xx). */
    static Stream<Arguments> replySamples() {
        return KIND.keySet().stream().sorted().flatMap(type -> DemoFixtures.sampleFiles(type).stream()
                .map(file -> {
                    String name = file.getFileName().toString();
                    String agency = type.startsWith("N5") ? "customs" : name.substring(0, 2).toUpperCase(Locale.ROOT);
                    return Arguments.of(type, agency, file);
                }));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("replySamples")
    void readsTheSampleReplies(String type, String agency, Path file) {
        ParsedMessage sample = DemoFixtures.read(file);
        AgencyReply reply = reader.read(sample, agency);
        assertThat(reply.messageType()).isEqualTo(type);
        assertThat(reply.kind()).isEqualTo(KIND.get(type));
        assertThat(reply.agency()).isEqualTo(agency);
        assertThat(reply.declarationNo()).isEqualTo(sample.text("Declaration", "ID")).hasSize(14);
        if (agency.equals("customs")) {
            assertThat(reply.applicationRef()).isNull();
            assertThat(reply.selection()).isIn("C1", "C2", "C3");
        } else {
            String[] path = type.equals("NX903")
                    ? new String[] {"Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "PreviousDocument", "tw_FunctionalReferenceID"}
                    : new String[] {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"};
            assertThat(reply.applicationRef()).isEqualTo(sample.text(path)).hasSize(20);
        }
        assertThat(reply.text()).isNotBlank();
    }

    @Test
    void aRefusalCarriesItsTextAndAFailureTheItemRemark() {
        ParsedMessage food = DemoFixtures.sample("NX601");
        List<Document> refused = answering("CD", DemoOutcome.REJECT).answer("CD", food);
        AgencyReply error = reader.read(DemoFixtures.parse(Dom.serialize(refused.get(0))), "CD");
        assertThat(error.text()).contains(TEXT).contains("NX601");

        List<Document> failed = answering("CD", DemoOutcome.FAIL).answer("CD", food);
        AgencyReply notice = reader.read(DemoFixtures.parse(Dom.serialize(failed.get(1))), "CD");
        assertThat(notice.text()).contains(TEXT).contains("fee 1500").contains("sampling on 2025-11-26");
        AgencyReply result = reader.read(DemoFixtures.parse(Dom.serialize(failed.get(2))), "CD");
        assertThat(result.text()).startsWith("Result N").contains(TEXT);
    }

    @Test
    void withoutTheHeaderTheAgencyComesFromTheReply() {
        for (String agency : List.of("CD", "DN", "VP")) {
            ParsedMessage received = DemoFixtures.sample(AnswerAsAgency.RECEIVES.get(agency));
            List<Document> inspected = answering(agency, DemoOutcome.INSPECT).answer(agency, received);
            List<Document> refused = answering(agency, DemoOutcome.REJECT).answer(agency, received);
            for (Document doc : List.of(inspected.get(0), inspected.get(1), inspected.get(2), refused.get(0))) {
                AgencyReply reply = reader.read(DemoFixtures.parse(Dom.serialize(doc)), null);
                assertThat(reply.agency()).as(reply.messageType()).isEqualTo(agency);
                assertThat(reply.applicationRef()).isEqualTo(received.text("FunctionalReferenceID"));
            }
        }
        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        for (DemoOutcome outcome : List.of(DemoOutcome.C3, DemoOutcome.REJECT)) {
            for (Document doc : answering("customs", outcome).answer("customs", declaration)) {
                AgencyReply reply = reader.read(DemoFixtures.parse(Dom.serialize(doc)), " ");
                assertThat(reply.agency()).as(reply.messageType()).isEqualTo("customs");
                assertThat(reply.applicationRef()).isNull();
            }
        }
    }

    @Test
    void aNumericClearanceMethodIsReadAsItsSelection() {
        ParsedMessage declaration = DemoFixtures.sample("NX5105");
        Document further = answering("customs", DemoOutcome.C2).answer("customs", declaration).get(0);
        ParsedMessage numeric = DemoFixtures.edited(DemoFixtures.parse(Dom.serialize(further)),
                root -> Dom.path(root, "Status", "NameCode").orElseThrow().setTextContent("3"));
        assertThat(reader.read(numeric, "customs").selection()).isEqualTo("C3");
        ParsedMessage unknown = DemoFixtures.edited(numeric, root -> Dom.path(root, "Status", "NameCode").orElseThrow().setTextContent("X9"));
        assertThat(reader.read(unknown, "customs").selection()).isNull();
    }

    @Test
    void aResultCodeOtherThanYOrNGivesNoVerdict() {
        ParsedMessage received = DemoFixtures.sample("NX401");
        Document result = answering("VP", DemoOutcome.ACCEPT).answer("VP", received).get(1);
        ParsedMessage other = DemoFixtures.edited(DemoFixtures.parse(Dom.serialize(result)),
                root -> Dom.path(root, "Status", "NameCode").orElseThrow().setTextContent("07"));
        AgencyReply reply = reader.read(other, "VP");
        assertThat(reply.kind()).isEqualTo(Kind.RESULT);
        assertThat(reply.verdict()).isNull();
        assertThat(reply.text()).startsWith("Result 07");
    }

    @Test
    void aMessageThatIsNoAgencyReplyIsRefused() {
        assertThat(reader.replyTypes()).containsExactlyInAnyOrderElementsOf(KIND.keySet());
        assertThat(reader.isReply("NX601")).isFalse();
        assertThatThrownBy(() -> reader.read(DemoFixtures.sample("NX601"), "CD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NX601 is not an agency reply");
    }

    @Test
    void theItemStatusMapIsInItemOrderAndUnmodifiable() {
        AgencyReply reply = new AgencyReply("CD", "NX901", "AA  0011112347", "12345675SW2511240001", Kind.RECEIVED, "Y", null,
                Map.of(3, "Y", 1, "Y", 2, "N"), "x");
        assertThat(reply.itemStatus().keySet()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> reply.itemStatus().put(4, "Y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
