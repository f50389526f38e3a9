package org.onewindow.intake;

import java.io.IOException;
import java.io.InputStream;

/** Reads a stream (a file, a SOAP request) keeping at most the size limit plus one byte, however long it is. */
public final class StreamedBody {
    private static final int CHUNK = 64 * 1024;

    private StreamedBody() {
    }

    public static BodyHead read(InputStream in, int maxBytes) throws IOException {
        BodyHead head = new BodyHead(maxBytes);
        byte[] chunk = new byte[CHUNK];
        int n;
        while (in != null && (n = in.read(chunk)) != -1) {
            if (!head.add(chunk, 0, n)) {
                break;
            }
        }
        return head;
    }
}
