package org.onewindow.demo;

import static org.onewindow.message.Dom.append;
import static org.onewindow.message.Dom.appendText;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the NX903 a demo agency or demo customs sends when it refuses what it received.
 *
 * <p>{@code Response/FunctionalReferenceID} is the replier's own reference (its code, {@code E}, issue
 * time {@code yyMMddHHmmss} and 4 digits derived from the refused message); {@code ContactOffice/ID} the
 * agency's office (customs: the office code heading the declaration number); one {@code Error} with
 * {@code ValidationCode} {@value #VALIDATION_CODE} (business) and the rule's text. The references the hub
 * correlates by: {@code Declaration/ID} the declaration number and, in
 * {@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem/PreviousDocument}, {@code tw_FunctionalReferenceID}
 * the application's message reference (absent for customs: an NX5105 has none), {@code tw_UniversallyUniqueID}
 * the hub id of the refused message (or, without one, a UUID derived from its bytes) and {@code TypeCode}
 * its message type.
 */
final class ErrorReplies {
    static final String VALIDATION_CODE = "B";
    private static final int CONTENT_MAX = 512;
    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("uuMMddHHmmss").withZone(DemoValues.ZONE);

    private ErrorReplies() {
    }

    static Document refusal(Received received, String office, String text, String hubId, Instant now, String namespace) {
        Document doc = Dom.newDocument(namespace, "Response");
        Element response = doc.getDocumentElement();
        String code = received.agency().length() == 2 ? received.agency() : office;
        appendText(response, "FunctionalReferenceID", DemoValues.fit(code, 2) + "E" + REFERENCE_TIME.format(now)
                + DemoValues.digits(4, received.declarationNo(), received.reference(), hubId));
        appendText(response, "IssueDateTime", DemoValues.dateTime(now));
        appendText(append(response, "ContactOffice"), "ID", office);
        Element error = append(response, "Error");
        appendText(error, "ValidationCode", VALIDATION_CODE);
        appendText(append(error, "AdditionalInformation"), "Content", DemoValues.fit(text, CONTENT_MAX));
        Element declaration = append(response, "Declaration");
        appendText(declaration, "ID", received.declarationNo());
        Element previous = append(append(append(declaration, "GoodsShipment"), "GovernmentAgencyGoodsItem"), "PreviousDocument");
        appendText(previous, "tw_FunctionalReferenceID", received.reference());
        appendText(previous, "tw_UniversallyUniqueID", hubId != null && !hubId.isBlank() ? DemoValues.fit(hubId, 64) : uuidOf(received.message()));
        appendText(previous, "TypeCode", received.messageType());
        return doc;
    }

    private static String uuidOf(ParsedMessage message) {
        byte[] bytes = message.original() != null ? message.original() : Dom.serialize(message.document());
        return UUID.nameUUIDFromBytes(bytes).toString();
    }
}
