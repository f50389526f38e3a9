package org.onewindow.intake;

/** Sizes of MIME base64 text, for bounding requests that carry a message base64-encoded (SOAP, AS2). */
public final class MimeBase64 {
    /** MIME base64 may break its lines every 76 characters with CR LF. */
    private static final int LINE_LENGTH = 76;

    private MimeBase64() {
    }

    /** The longest MIME base64 text {@code bytes} bytes can become, line breaks included. */
    public static long encodedLength(long bytes) {
        long base64 = (bytes + 2) / 3 * 4;
        return base64 + base64 / LINE_LENGTH * 2;
    }
}
