package org.onewindow.delegation;

import java.util.Optional;

/** Where a party is told about delegations: its contact e-mail address, if it has one. */
public interface PartyContacts {
    Optional<String> email(String partyId);
}
