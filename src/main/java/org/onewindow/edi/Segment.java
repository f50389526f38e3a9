package org.onewindow.edi;

import java.util.List;

/**
 * One segment of an EDIFACT message as read: its tag, its position in the message (UNH is 1, as CONTRL counts),
 * the segment group it belongs to (null for the message's top level) and its data elements, each a list of
 * components (a simple element has one).
 */
public record Segment(String tag, int position, String group, int groupOccurrence, List<List<String>> elements) {

    /** The value at a 1-based element and component position, or "" when the segment does not carry it. */
    public String value(int element, int component) {
        if (element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component > components.size() ? "" : components.get(component - 1);
    }

    /** The first component of a 1-based element. */
    public String value(int element) {
        return value(element, 1);
    }

    /** All components of an element joined without separator (free text split over components, FTX C108). */
    public String joined(int element) {
        return element > elements.size() ? "" : String.join("", elements.get(element - 1));
    }
}
