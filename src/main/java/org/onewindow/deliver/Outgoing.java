package org.onewindow.deliver;

/**
 * A stored message ready to leave the hub on a queue: to an agency ({@code agency.CD} …) or to a party
 * ({@code onewindow.outbound.<party>}). Steps return lists of these; the {@code sendOutgoing} route puts
 * each on its queue within the transaction of the message being processed. {@code recipient} is the party a reply
 * is for (null for agency messages), which the push channels' delivery routes need.
 */
public record Outgoing(String queue, String hubId, String messageType, String caseId, String agency, String causedBy,
                       byte[] body, String recipient) {

    /** Queue prefix of the parties' outbound queues. */
    public static final String PARTY_QUEUE_PREFIX = "onewindow.outbound.";

    public static String partyQueue(String party) {
        return PARTY_QUEUE_PREFIX + party;
    }
}
