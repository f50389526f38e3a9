package org.onewindow.message;

/**
 * The identifying fields of a trader's message, read from its root: the sender's reference (the
 * FunctionalReferenceID where the type has one, else the declaration number), the function code
 * (9 new, 5 replace, 1 delete), the 14-character declaration number and the importer's business id.
 */
public record MessageKeys(String messageRef, String functionCode, String declarationNo, String importer) {

    public static MessageKeys of(ParsedMessage message) {
        String declarationNo = message.text("ID");
        String reference = message.text("FunctionalReferenceID");
        return new MessageKeys(
                reference != null ? reference : declarationNo,
                message.text("FunctionCode"),
                declarationNo,
                message.text("Importer", "ID"));
    }
}
