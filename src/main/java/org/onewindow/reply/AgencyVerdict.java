package org.onewindow.reply;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One responder's first verdict on a declaration: the agency code ({@code customs}, {@code CD},
 * {@code DN}, {@code VP}, {@code CI}), its application's message reference (訊息編號; null for customs,
 * whose "application" is the declaration itself), whether it accepted, its status per declaration item
 * (item sequence number → status code such as {@code Y}, {@code N} or an error code; at most 4
 * characters reach the NX5106) and its remark text (nullable). The item map is kept in item order.
 */
public record AgencyVerdict(String agency, String applicationRef, boolean accepted, Map<Integer, String> itemStatus, String text) {

    public AgencyVerdict {
        Objects.requireNonNull(agency, "agency");
        itemStatus = Collections.unmodifiableSortedMap(new TreeMap<>(itemStatus == null ? Map.of() : itemStatus));
        if (itemStatus.containsValue(null)) {
            throw new IllegalArgumentException("Agency " + agency + " gives an item without a status");
        }
    }

    /** The item statuses in ascending item order. */
    public SortedMap<Integer, String> items() {
        return (SortedMap<Integer, String>) itemStatus;
    }

    /** Agency id of customs, whose verdict answers the declaration itself rather than an agency application. */
    public static final String CUSTOMS = "customs";

    /** True for the customs verdict (agency {@value #CUSTOMS}, or no application reference). */
    public boolean isCustoms() {
        return applicationRef == null || CUSTOMS.equalsIgnoreCase(agency);
    }
}
