package org.onewindow.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A message body of any size made up while it is read: the start of a declaration, then one text
 * element filled with the same line over and over. Sending it costs the sender no memory, so a test
 * can show what the hub does with 200 MB without holding 200 MB itself.
 */
final class GeneratedBody extends InputStream {
    private static final byte[] START = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<Declaration xmlns=\"urn:wco:datamodel:TW:NX5105:R-08-00\"><AdditionalInformation><Content>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] FILLER = "a very long line of a very long declaration\n".getBytes(StandardCharsets.UTF_8);

    private final long size;
    private long position;

    GeneratedBody(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return byteAt(position++);
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            into[offset + i] = byteAt(position++);
        }
        return n;
    }

    private static byte byteAt(long at) {
        return at < START.length ? START[(int) at] : FILLER[(int) ((at - START.length) % FILLER.length)];
    }
}
