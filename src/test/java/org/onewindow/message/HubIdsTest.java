package org.onewindow.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hub ids are UUIDs in time order, so the indexes keyed by them grow at their end. */
class HubIdsTest {
    @Test
    void idsMadeLaterSortAfterEarlierOnesAndNeverRepeat() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(HubIds.next());
            Thread.sleep(2); // a later millisecond: within one, ids are in random order
        }
        assertThat(made).isSorted();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(HubIds.next());
        }
        assertThat(new HashSet<>(many)).hasSize(many.size());
        UUID id = UUID.fromString(many.get(0));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void theSameTimeAndDigestGiveTheSameIdAndTheTimeLeads() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("a reply".getBytes(StandardCharsets.UTF_8));
        byte[] other = MessageDigest.getInstance("SHA-256").digest("another reply".getBytes(StandardCharsets.UTF_8));
        long sentAt = 1_764_000_000_000L;

        assertThat(HubIds.of(sentAt, digest)).isEqualTo(HubIds.of(sentAt, digest)).isNotEqualTo(HubIds.of(sentAt, other));
        assertThat(HubIds.of(sentAt, digest)).isLessThan(HubIds.of(sentAt + 1, other));
        assertThat(UUID.fromString(HubIds.of(sentAt, digest)).getMostSignificantBits() >>> 16).isEqualTo(sentAt);
    }
}
