package org.onewindow.correlate;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Per-item status codes as stored with a verdict: {@code 1:Y,2:N,…}. */
final class ItemCodes {
    private ItemCodes() {
    }

    static String format(Map<Integer, String> codes) {
        return codes == null || codes.isEmpty() ? null : new TreeMap<>(codes).entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<Integer, String> parse(String stored) {
        Map<Integer, String> codes = new TreeMap<>();
        if (stored == null || stored.isBlank()) {
            return codes;
        }
        for (String pair : stored.split(",")) {
            String[] parts = pair.split(":", 2);
            codes.put(Integer.valueOf(parts[0]), parts[1]);
        }
        return codes;
    }
}
