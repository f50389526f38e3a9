package org.onewindow.deliver;

import java.util.Locale;
import org.onewindow.party.Party;
import org.onewindow.party.PartyStore;

/**
 * Which channel a party's replies leave on, and the queue that carries them there. A party's registry record may
 * name a preferred reply channel; otherwise replies go back the way the party's message came in (the case's channel
 * for everything about a declaration). Every reply is also kept in the party's pull mailbox, whatever the channel.
 */
public final class ReplyChannels {
    public static final String HTTP = "HTTP";
    public static final String JMS = "JMS";
    public static final String SOAP = "SOAP";
    public static final String SFTP = "SFTP";
    public static final String AS2 = "AS2";
    /** Push channels are served by one delivery route each, fed by this queue prefix plus the channel's name. */
    public static final String DELIVERY_QUEUE_PREFIX = "onewindow.deliver.";

    private final PartyStore parties;

    public ReplyChannels(PartyStore parties) {
        this.parties = parties;
    }

    /** The channel a reply to {@code party} leaves on, given the channel the party used ({@code usedChannel}, may be null). */
    public String channelFor(String party, String usedChannel) {
        String preferred = parties.find(party).map(Party::replyChannel).orElse(null);
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return usedChannel != null ? usedChannel : HTTP;
    }

    /**
     * The queue a reply on {@code channel} goes to, or null when the party pulls it (HTTP and SOAP read the mailbox).
     * JMS / AMQP clients read their own queue; SFTP and AS2 replies wait on their delivery queue for the route that
     * pushes them; anything else (agencies, whose refused replies are answered on their party queue) gets the queue.
     */
    public static String queueFor(String channel, String party) {
        switch (channel) {
            case HTTP:
            case SOAP:
                return null;
            case SFTP:
            case AS2:
                return DELIVERY_QUEUE_PREFIX + channel.toLowerCase(Locale.ROOT);
            default:
                return Outgoing.partyQueue(party);
        }
    }
}
