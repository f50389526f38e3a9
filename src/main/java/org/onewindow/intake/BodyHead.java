package org.onewindow.intake;

import java.io.ByteArrayOutputStream;

/**
 * The head of a message body, collected chunk by chunk with a bound: at most {@code maxBytes} are
 * kept, and the first byte beyond them marks the body too large (W005), so the rest need never be
 * read into memory. Chunks may arrive on one thread and be read on another.
 */
public final class BodyHead {
    /** Initial buffer size: a typical declaration fits without growing it. */
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final int maxBytes;
    private final ByteArrayOutputStream kept;
    private boolean tooLarge;

    BodyHead(int maxBytes) {
        this.maxBytes = maxBytes;
        this.kept = new ByteArrayOutputStream(Math.min(maxBytes, INITIAL_CAPACITY));
    }

    /** Takes the next {@code length} bytes of {@code chunk} from {@code offset}; false once the body is known to be too large. */
    synchronized boolean add(byte[] chunk, int offset, int length) {
        if (tooLarge) {
            return false;
        }
        int room = maxBytes - kept.size();
        if (length > room) {
            kept.write(chunk, offset, room);
            tooLarge = true;
            return false;
        }
        kept.write(chunk, offset, length);
        return true;
    }

    /** True when the body has more than {@code maxBytes} bytes. */
    public synchronized boolean tooLarge() {
        return tooLarge;
    }

    /** The whole body, or its first {@code maxBytes} bytes when it is too large. */
    public synchronized byte[] bytes() {
        return kept.toByteArray();
    }
}
