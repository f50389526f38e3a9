package org.onewindow.delegation;

/**
 * The e-mails a delegation change causes: a grant tells the broker, an answer tells the importer, a revocation
 * tells the broker. Each is recorded as a notice in the caller's transaction (when mail is enabled) and sent
 * after the commit by {@link SendDelegationNotices}.
 */
public final class DelegationNotices {
    private final NoticeStore notices;
    private final PartyContacts contacts;
    private final boolean enabled;

    public DelegationNotices(NoticeStore notices, PartyContacts contacts, boolean enabled) {
        this.notices = notices;
        this.contacts = contacts;
        this.enabled = enabled;
    }

    public void granted(Delegation d) {
        tell(d, d.broker(), "Delegation from importer " + d.importer() + ": " + d.what(),
                "Importer " + d.importer() + " delegates to you, broker " + d.broker() + ", " + d.what() + ".\n"
                        + "Accept or refuse it (WJA03): POST /api/v1/delegations/" + d.id() + "/answer "
                        + "with {\"accept\": true} or {\"accept\": false, \"note\": \"why\"}.");
    }

    public void answered(Delegation d) {
        String verb = d.state() == Delegation.State.ACCEPTED ? "accepted" : "refused";
        String note = d.note() == null || d.note().isBlank() ? "" : "\nThe broker's note: " + d.note();
        tell(d, d.importer(), "Broker " + d.broker() + " " + verb + " your delegation: " + d.what(),
                "Broker " + d.broker() + " " + verb + " delegation " + d.id() + " for " + d.what() + "." + note);
    }

    public void revoked(Delegation d) {
        tell(d, d.broker(), "Importer " + d.importer() + " revoked a delegation: " + d.what(),
                "Importer " + d.importer() + " revoked delegation " + d.id() + " for " + d.what() + ".\n"
                        + "Declarations you send for it from now on are refused (T310).");
    }

    private void tell(Delegation d, String party, String subject, String text) {
        if (enabled) {
            String body = text + "\n\nDelegation " + d.id() + "\nImporter: " + d.importer() + "\nBroker: " + d.broker()
                    + "\nScope: " + d.what() + "\n\n-- OneWindow trade single window\n";
            notices.add(d.id(), party, contacts.email(party).orElse(null), subject, body);
        }
    }
}
