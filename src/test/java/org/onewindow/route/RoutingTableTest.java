package org.onewindow.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTableTest {
    private static final String HEADER = "kind,code,agency,message_type,queue";

    private final RoutingTable table = RoutingTable.bundled();

    @Test
    void customsReceivesEveryCombinedDeclarationItself() {
        assertThat(table.always("NX5105")).containsExactly(new AgencyRoute("customs", "NX5105", "agency.customs"));
        assertThat(table.always("NX601")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"F01,CD", "F02,CD", "W01,DN", "B01,VP", "C01,CI", "C02,CI"})
    void importRegulationCodesNameTheirAgency(String code, String agency) {
        assertThat(table.agencyForRegulationCode(code)).contains(agency);
    }

    @Test
    void unknownRegulationCodesNameNoAgency() {
        assertThat(table.agencyForRegulationCode("X99")).isEmpty();
        assertThat(table.agencyForRegulationCode("f01")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"CD,NX601,agency.CD", "DN,NX301_DN,agency.DN", "VP,NX401,agency.VP"})
    void eachAgencyHasItsMessageTypeAndQueue(String agency, String type, String queue) {
        AgencyRoute route = new AgencyRoute(agency, type, queue);
        assertThat(table.agency(agency)).contains(route);
        assertThat(table.forMessageType(type)).contains(route);
        assertThat(route.routable()).isTrue();
    }

    @Test
    void commodityInspectionIsKnownButNotRoutable() {
        assertThat(table.agency("CI")).hasValueSatisfying(ci -> {
            assertThat(ci.routable()).isFalse();
            assertThat(ci.queue()).isNull();
            assertThat(ci.messageType()).isNull();
        });
    }

    @Test
    void agenciesComeInTableOrder() {
        assertThat(table.agencies()).extracting(AgencyRoute::agency).containsExactly("CD", "DN", "VP", "CI");
        assertThat(table.agency("XX")).isEmpty();
        assertThat(table.forMessageType("NX5106")).isEmpty();
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        RoutingTable parsed = parse("# a comment", "", HEADER, "  # indented comment",
                "agency,CD,CD,NX601,agency.CD", "", "regulation,F01,CD,,");
        assertThat(parsed.agencyForRegulationCode("F01")).contains("CD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "shipment,NX5105,customs,NX5105,agency.customs | line 2: unknown kind 'shipment'",
        "agency,CD,CD,NX601                            | line 2: expected 5 columns, found 4",
        "agency,CD,CD,NX601,                           | line 2: message_type and queue are both given or both empty",
        "regulation,F01,CD,NX601,agency.CD             | line 2: a 'regulation' row names an agency only",
        "always,NX5105,customs,,                       | line 2: an 'always' row needs a message type and a queue",
        "agency,CD,DN,NX601,agency.CD                  | line 2: an 'agency' row repeats its agency code",
        "regulation,,CD,,                              | line 2: code and agency are required",
    })
    void malformedRowsAreRejectedWithTheirLine(String row, String message) {
        assertThatThrownBy(() -> parse(HEADER, row)).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    @Test
    void duplicatesAreRejected() {
        assertThatThrownBy(() -> parse(HEADER, "agency,CD,CD,NX601,agency.CD", "agency,CD,CD,NX601,agency.CD2"))
                .hasMessageContaining("line 3: agency CD is listed twice");
        assertThatThrownBy(() -> parse(HEADER, "agency,CD,CD,NX601,agency.CD", "regulation,F01,CD,,", "regulation,F01,CD,,"))
                .hasMessageContaining("line 4: regulation code F01 is listed twice");
    }

    @Test
    void aRegulationCodeMustNameAListedAgency() {
        assertThatThrownBy(() -> parse(HEADER, "agency,CD,CD,NX601,agency.CD", "regulation,W01,DN,,"))
                .hasMessageContaining("line 3: regulation code W01 names agency DN, which has no 'agency' row");
    }

    @Test
    void theHeaderIsRequired() {
        assertThatThrownBy(() -> parse("agency,CD,CD,NX601,agency.CD")).hasMessageContaining("line 1: expected the header");
        assertThatThrownBy(() -> parse("# only a comment")).hasMessageContaining("no header line");
    }

    private static RoutingTable parse(String... lines) {
        return RoutingTable.parse(new ArrayList<>(List.of(lines)), "test.csv");
    }
}
