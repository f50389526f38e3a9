package org.onewindow.intake;

import java.io.IOException;
import java.io.InputStream;

/** Reads a file's content keeping at most the size limit plus one byte, however large the file. */
final class FileBody {
    private static final int CHUNK = 64 * 1024;

    private FileBody() {
    }

    static BodyHead read(InputStream in, int maxBytes) throws IOException {
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
