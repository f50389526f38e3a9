package org.onewindow.ops;

import java.util.Set;

/**
 * The properties a parked message carries beside its own: where it was consumed from, when and why it was parked,
 * how often it was tried. JMS property names, so no dashes.
 */
public final class ParkedHeaders {
    /** Dead-letter queues are named after the queue they park for: DLQ.onewindow.admit, DLQ.agency.CD, … */
    public static final String DLQ_PREFIX = "DLQ.";
    /** The queue the message was consumed from, where a replay puts it back. */
    public static final String PARKED_FROM = "OneWindowParkedFrom";
    /** When it was parked (epoch milliseconds). */
    public static final String PARKED_AT = "OneWindowParkedAt";
    /** The last fault: exception class and message. */
    public static final String FAILURE = "OneWindowFailure";
    /** How many times the broker delivered it. */
    public static final String DELIVERIES = "OneWindowDeliveries";
    /** How many quick local retries each delivery had (the error handler's redeliveries). */
    public static final String LOCAL_RETRIES = "OneWindowLocalRetries";
    /** The broker's id of the message that failed. */
    public static final String ORIGINAL_MESSAGE_ID = "OneWindowOriginalMessageId";

    static final Set<String> PARKING = Set.of(PARKED_FROM, PARKED_AT, FAILURE, DELIVERIES, LOCAL_RETRIES, ORIGINAL_MESSAGE_ID);
    static final String HUB_PREFIX = "OneWindow";
    static final String JMS_DELIVERY_COUNT = "JMSXDeliveryCount";
    static final String JMS_GROUP_ID = "JMSXGroupID";

    private ParkedHeaders() {
    }
}
