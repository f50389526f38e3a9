package org.onewindow.trust;

/** Key material could not be read or written; the message is one line naming the file and the reason. */
public final class KeyMaterialException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }

    KeyMaterialException(String message) {
        super(message);
    }
}
