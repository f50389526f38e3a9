package org.onewindow.message;

/**
 * Names of the message headers (JMS properties) the hub's routes exchange. JMS property names must be
 * Java identifiers, so they carry no dashes. HTTP callers cannot set any of them: the authentication step
 * drops every {@code OneWindow*} header a client sends.
 */
public final class Headers {
    /** The hub message id given at intake (UUID). */
    public static final String HUB_ID = "OneWindowHubId";
    /** Party id of the sender: business id, broker id, or agency code. */
    public static final String SENDER = "OneWindowSender";
    /** Channel the message arrived on: HTTP, JMS, … */
    public static final String CHANNEL = "OneWindowChannel";
    /** Case id a message belongs to. */
    public static final String CASE_ID = "OneWindowCaseId";
    /** Agency code (customs, CD, DN, VP) a derived message is for, or an agency reply comes from. */
    public static final String AGENCY = "OneWindowAgency";
    /** Message type of the body, e.g. NX5106. */
    public static final String MESSAGE_TYPE = "OneWindowMessageType";
    /** Party an outbound message is for. */
    public static final String RECIPIENT = "OneWindowRecipient";
    /** Hub id of the message that caused this one (the declaration a reply answers). */
    public static final String CAUSED_BY = "OneWindowCausedBy";
    /** When the hub received the message (epoch milliseconds): certificates are judged at this time. */
    public static final String RECEIVED_AT = "OneWindowReceivedAt";
    /**
     * True on a connection-test message and on everything its processing sends: it lives in the test world (its
     * own cases, the demo agencies' test queues) and never touches production. Set by the test intake
     * ({@code POST /api/v1/test/messages}) or by a JMS back office per message.
     */
    public static final String TEST = "OneWindowTest";
    /** The authenticated caller of an API request (party id); set by the hub, never taken from a client. */
    public static final String PRINCIPAL = "OneWindowPrincipal";
    /** True when the authenticated caller holds the admin role. */
    public static final String PRINCIPAL_ADMIN = "OneWindowPrincipalAdmin";

    private Headers() {
    }
}
