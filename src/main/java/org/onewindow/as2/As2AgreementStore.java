package org.onewindow.as2;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.onewindow.party.Certificates;
import org.onewindow.store.Jdbc;

/** The AS2 agreements (table {@code as2_agreement}), one per party, found by party or by AS2 name. */
public final class As2AgreementStore {
    private static final String COLUMNS =
            "party_id, as2_id, certificate_pem, reply_url, signed, encrypted, compressed, mdn_mode, updated_at";

    private final Jdbc jdbc;

    public As2AgreementStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<As2Agreement> ofParty(String partyId) {
        return jdbc.queryOne("select " + COLUMNS + " from as2_agreement where party_id = ?", As2AgreementStore::agreement, partyId);
    }

    public Optional<As2Agreement> byAs2Id(String as2Id) {
        return jdbc.queryOne("select " + COLUMNS + " from as2_agreement where as2_id = ?", As2AgreementStore::agreement, as2Id);
    }

    public List<As2Agreement> all() {
        return jdbc.query("select " + COLUMNS + " from as2_agreement order by party_id", As2AgreementStore::agreement);
    }

    /** Inserts or replaces the party's agreement. */
    public void save(As2Agreement a) {
        Object[] values = {a.as2Id(), Certificates.toPem(a.certificate()), a.replyUrl() == null ? null : a.replyUrl().toString(),
            a.signed(), a.encrypted(), a.compressed(), a.mdnMode().name(), a.updatedAt(), a.partyId()};
        if (jdbc.update("update as2_agreement set as2_id = ?, certificate_pem = ?, reply_url = ?, signed = ?, encrypted = ?, "
                + "compressed = ?, mdn_mode = ?, updated_at = ? where party_id = ?", values) == 0) {
            jdbc.update("insert into as2_agreement (as2_id, certificate_pem, reply_url, signed, encrypted, compressed, mdn_mode, "
                    + "updated_at, party_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    public boolean delete(String partyId) {
        return jdbc.update("delete from as2_agreement where party_id = ?", partyId) > 0;
    }

    private static As2Agreement agreement(ResultSet rs) throws SQLException {
        String url = rs.getString("reply_url");
        return new As2Agreement(rs.getString("party_id"), rs.getString("as2_id"), Certificates.fromPem(rs.getString("certificate_pem")),
                url == null ? null : URI.create(url), rs.getBoolean("signed"), rs.getBoolean("encrypted"),
                rs.getBoolean("compressed"), As2Agreement.MdnMode.valueOf(rs.getString("mdn_mode")), Jdbc.instant(rs, "updated_at"));
    }
}
