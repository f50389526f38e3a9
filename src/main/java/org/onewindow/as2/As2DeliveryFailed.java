package org.onewindow.as2;

/**
 * A reply could not be delivered to a party's AS2 system, or its MDN was missing, unsigned, wrongly signed or not
 * {@code processed}. Transient by assumption: the delivery route retries it with back-off (error-handling.camel.yaml),
 * then leaves it on {@code DLQ.onewindow.deliver.as2} for an operator to move back once the party is fixed.
 */
public final class As2DeliveryFailed extends RuntimeException {
    public As2DeliveryFailed(String message) {
        super(message);
    }
}
