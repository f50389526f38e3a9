package org.onewindow.message;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids the hub gives messages and cases: UUIDs whose first 48 bits are a time in milliseconds (the layout of RFC
 * 9562's version 7), so the ids made in one second sort next to each other. Every index keyed by them (a message's hub
 * id, its body's, the messages of a case, what caused or triggered a message) then grows at its end. With random
 * version 4 UUIDs each insert landed on a random page of each such index, and the embedded H2, which writes every
 * changed page again when it stores, wrote most of those indexes again at every store: the largest share of the
 * hub's CPU in the benchmark profile. The ids are names, not secrets: who may read a message is decided by its party.
 */
public final class HubIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private HubIds() {
    }

    /** A new id for now. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return at(System.currentTimeMillis(), random.nextLong(), random.nextLong());
    }

    /** The id for a time and a digest of at least 16 bytes: the same two always give the same id. */
    public static String of(long millis, byte[] digest) {
        ByteBuffer bits = ByteBuffer.wrap(digest);
        return at(millis, bits.getLong(), bits.getLong());
    }

    /** The smallest id made at this time or later: every id made earlier sorts (as text) before it. */
    public static String earliestAt(long millis) {
        return at(millis, 0, 0);
    }

    private static String at(long millis, long high, long low) {
        long mostSignificant = (millis << 16) | VERSION_7 | (high & 0x0FFFL);
        long leastSignificant = (low & 0x3FFF_FFFF_FFFF_FFFFL) | VARIANT;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
