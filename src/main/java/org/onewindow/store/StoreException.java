package org.onewindow.store;

import java.sql.SQLException;

/** A database fault: transient from the hub's point of view, so the message is redelivered. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
