package org.onewindow.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo contacts file: the bundled one names the sample parties; a broken file is refused by line. */
class CsvPartyContactsTest {

    @Test
    void theBundledFileNamesTheSampleImporterAndBroker() {
        PartyContacts contacts = CsvPartyContacts.bundled();
        assertThat(contacts.email("12345675")).contains("imports@formosa-gourmet.example");
        assertThat(contacts.email("16151437")).contains("desk@k73-broker.example");
        assertThat(contacts.email("99999999")).isEmpty();
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> CsvPartyContacts.parse(List.of("id,mail"), "f.csv")).hasMessageContaining("header 'party_id,email'");
        assertThatThrownBy(() -> CsvPartyContacts.parse(List.of("# comment", "party_id,email", "12345675"), "f.csv"))
                .hasMessage("f.csv line 3: expected party_id,email");
    }
}
