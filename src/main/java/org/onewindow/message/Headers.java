package org.onewindow.message;

/**
 * Names of the message headers (JMS properties) the hub's routes exchange. JMS property names must be
 * Java identifiers, so they carry no dashes; the HTTP intake maps {@code X-OneWindow-Sender} onto
 * {@link #SENDER}.
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
    /** The HTTP header a back office may use to name itself until signatures establish the sender. */
    public static final String HTTP_SENDER = "X-OneWindow-Sender";
    /** Party id of the authenticated caller of an HTTP endpoint; set by the hub's authentication, never by a client. */
    public static final String PRINCIPAL = "OneWindowPrincipal";

    private Headers() {
    }
}
