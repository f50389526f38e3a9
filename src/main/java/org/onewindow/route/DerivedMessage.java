package org.onewindow.route;

import java.util.List;
import org.w3c.dom.Document;

/**
 * One message the hub sends to one agency for a declaration: the customs copy of an NX5105, or an
 * agency application (NX601, NX301_DN, NX401) derived from it, or a trader's standalone application.
 *
 * @param agency         agency code ({@code customs}, {@code CD}, {@code DN}, {@code VP})
 * @param messageType    type of {@link #document}
 * @param queue          the agency's queue
 * @param applicationRef the application's message reference (訊息編號), or null for the customs copy
 * @param itemNumbers    declaration item numbers the message carries, ascending
 * @param document       the message; the customs copy is the declaration's own document, shared and not to be changed
 */
public record DerivedMessage(String agency, String messageType, String queue, String applicationRef,
        List<Integer> itemNumbers, Document document) {

    public DerivedMessage {
        itemNumbers = List.copyOf(itemNumbers);
    }
}
