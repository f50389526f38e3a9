package org.onewindow.route;

/**
 * Where one agency's messages go: the message type the hub sends it and the queue it reads. An agency
 * our message set has no application for (CI) has neither; it is known, but nothing is routed to it.
 *
 * @param agency      agency code: {@code customs}, {@code CD}, {@code DN}, {@code VP}, {@code CI}
 * @param messageType message type the agency receives (e.g. {@code NX601}), or null
 * @param queue       the agency's queue (e.g. {@code agency.CD}), or null
 */
public record AgencyRoute(String agency, String messageType, String queue) {

    /** True when the agency has a message type and a queue, so messages can be routed to it. */
    public boolean routable() {
        return messageType != null && queue != null;
    }
}
