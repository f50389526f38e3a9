package org.onewindow.store;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A message body as {@code message_body} keeps it: deflated when that makes it smaller, as XML and EDIFACT almost
 * always are (a declaration to a fifth or less), with {@code compressed} saying which. Every body the hub stores is
 * written once and read seldom, while the database writes each stored byte again at every page it rewrites and keeps
 * it for as long as retention does, so fewer bytes per body is less for the store to write and to hold. What callers
 * see is always the original bytes.
 *
 * <p>A compressed body is its original length (4 bytes, big-endian) followed by a zlib stream (RFC 1950, whose
 * checksum catches a damaged stream). Bodies under {@link #SMALLEST_COMPRESSED} bytes, or that deflate to no less than
 * they are, are kept as they came.
 */
public record StoredBody(byte[] bytes, boolean compressed) {
    /** Below this, the zlib header and the length cost more than deflating saves. */
    static final int SMALLEST_COMPRESSED = 256;
    /** The columns {@link #read} reads, from {@code message_body b}. */
    public static final String COLUMNS = "b.body, b.compressed";
    private static final int LENGTH_BYTES = Integer.BYTES;
    /** zlib expands at most 1,032-fold: a longer length field is damage, not a body to allocate. */
    private static final long MAX_RATIO = 1_032;

    /** The body as the store will keep it. */
    public static StoredBody of(byte[] body) {
        if (body.length < SMALLEST_COMPRESSED) {
            return new StoredBody(body, false);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(body);
            deflater.finish();
            // a stream that does not fit in fewer bytes than the body is not worth keeping
            byte[] out = new byte[body.length];
            ByteBuffer.wrap(out).putInt(body.length);
            int length = LENGTH_BYTES + deflater.deflate(out, LENGTH_BYTES, out.length - LENGTH_BYTES);
            return deflater.finished() ? new StoredBody(Arrays.copyOf(out, length), true) : new StoredBody(body, false);
        } finally {
            deflater.end();
        }
    }

    /** The original bytes of {@link #COLUMNS} in the current row; null when the row has no body (a left join). */
    public static byte[] read(ResultSet rs) throws SQLException {
        byte[] stored = rs.getBytes("body");
        return stored == null || !rs.getBoolean("compressed") ? stored : inflate(stored);
    }

    /** The original bytes of a message's body, if the database holds it. */
    public static Optional<byte[]> load(Jdbc jdbc, String hubId) {
        return jdbc.queryOne("select " + COLUMNS + " from message_body b where b.hub_id = ?", StoredBody::read, hubId);
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            int originalLength = ByteBuffer.wrap(stored).getInt();
            if (originalLength < 0 || originalLength > (stored.length - LENGTH_BYTES) * MAX_RATIO) {
                throw new DataFormatException("its length field says " + originalLength + " bytes");
            }
            byte[] body = new byte[originalLength];
            inflater.setInput(stored, LENGTH_BYTES, stored.length - LENGTH_BYTES);
            int length = inflater.inflate(body);
            if (length != body.length || !inflater.finished()) {
                throw new DataFormatException("the stream ends at " + length + " of " + body.length + " bytes");
            }
            return body;
        } catch (DataFormatException | RuntimeException damaged) {
            throw new IllegalStateException("A stored message body is damaged and cannot be inflated: " + damaged.getMessage(),
                    damaged);
        } finally {
            inflater.end();
        }
    }
}
