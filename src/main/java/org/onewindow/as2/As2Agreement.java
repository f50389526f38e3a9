package org.onewindow.as2;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A party's AS2 trading agreement: its AS2 name, the certificate that verifies its signatures (and that the hub
 * encrypts to), where the hub delivers its replies ({@code replyUrl}, null when it takes none over AS2) and what
 * it wants: signed, encrypted or compressed messages, and its MDNs synchronously or asynchronously. What the
 * agreement asks for is required of the party's messages too: a party that agreed to sign and encrypt is refused
 * an unsigned or unencrypted message.
 */
public record As2Agreement(String partyId, String as2Id, X509Certificate certificate, URI replyUrl, boolean signed,
                           boolean encrypted, boolean compressed, MdnMode mdnMode, Instant updatedAt) {

    /** How the hub asks for the MDN of what it sends the party. */
    public enum MdnMode { SYNC, ASYNC }
}
