package org.onewindow.message;

/**
 * The hub's error catalogue. Every rejection, log line and stored record carries one of these codes.
 *
 * <p>The first letter is the category and becomes the one-character {@code Error/ValidationCode} of an
 * NX903: {@code W} wire/format (the message could not be read as a supported, schema-valid document),
 * {@code B} business rule (answered with NX5106 status N), {@code A} agency (correlation and deadlines),
 * {@code T} trust (signature, certificate, the sender's right to act), {@code S} the hub itself. Permanent faults are never retried; only {@link Category#HUB} faults are.
 */
public enum ErrorCode {
    MALFORMED_XML("W001", "The message is not well-formed XML"),
    DTD_NOT_ALLOWED("W002", "Document type declarations and entities are not allowed"),
    UNKNOWN_MESSAGE_TYPE("W003", "The root element's namespace names no message type this hub supports"),
    SCHEMA_INVALID("W004", "The message does not conform to its schema"),
    MESSAGE_TOO_LARGE("W005", "The message exceeds the maximum size"),
    NESTING_TOO_DEEP("W006", "The message nests elements deeper than allowed"),
    UNSUPPORTED_MEDIA_TYPE("W007", "Only XML and UN/EDIFACT messages are accepted"),
    NOT_ACCEPTED_FROM_SENDER("W008", "This message type is not accepted from a trader on this channel"),
    EMPTY_MESSAGE("W009", "The message is empty"),
    EDIFACT_SYNTAX("W010", "The EDIFACT interchange breaks the syntax rules or the hub's CUSDEC guide; its CONTRL names each segment and error code"),

    DECLARATION_NUMBER_FORMAT("B101", "The declaration number must be 14 characters: customs office (2), transfer office or two blanks (2), ROC year (2 digits), broker box (3), serial (5 digits)"),
    FUNCTION_CODE_NOT_ALLOWED("B102", "FunctionCode must be 9 (new), 5 (replace) or 1 (delete)"),
    REPLACEMENT_WITHOUT_CASE("B103", "FunctionCode 5 or 1 refers to a declaration that was never filed"),
    APPLICATION_ITEM_UNKNOWN("B104", "An agency application refers to an item the declaration does not contain"),
    ITEM_SEQUENCE_BROKEN("B105", "Item sequence numbers must be unique and run 1, 2, 3 … without gaps"),
    DECLARATION_ALREADY_FILED("B106", "A declaration with this number is already filed; send FunctionCode 5 to replace it"),
    CASE_NOT_OPEN("B107", "The declaration's case is already closed and cannot be changed"),

    SIGNATURE_MISSING("T301", "The message must carry an enveloped XML signature (see docs/signatures.md)"),
    SIGNATURE_BROKEN("T302", "The XML signature does not verify: the message was altered after signing, or signed wrongly"),
    SIGNATURE_PROFILE("T303", "The XML signature does not follow the hub's profile: one enveloped signature over the whole document, RSA-SHA256 or ECDSA-SHA256, exclusive C14N"),
    CERTIFICATE_UNKNOWN("T304", "The signing certificate is not registered to any party"),
    CERTIFICATE_NOT_VALID("T305", "The signing certificate was not valid at receipt time (expired or not yet valid)"),
    CERTIFICATE_REVOKED("T306", "The signing certificate has been revoked"),
    SIGNER_NOT_SENDER("T307", "The message is signed by another party than the one that sent it"),
    PARTY_NOT_ACTIVE("T308", "The signing party is not registered as an active sender of this kind of message"),

    AGENCY_SILENT("A201", "An agency has not answered within the deadline"),
    REPLY_UNMATCHED("A202", "The agency reply refers to no known case or application"),

    SENDER_NOT_DELEGATED("T310", "The sender may not act for this importer"),
    BROKER_BOX_MISMATCH("T311", "The declaration number names another broker's box (characters 7 to 9) than the sending broker's"),
    EDIFACT_CHANNEL_NOT_AUTHENTICATED("T340", "EDIFACT carries no signature, so it is accepted only where the channel authenticates the sender: HTTP with an API token or a TLS client certificate"),
    EDIFACT_SENDER_MISMATCH("T341", "The interchange names another sender (UNB) than the party that sent it, or one that may not file declarations"),

    // AS2 transport (answered in the MDN; the refused message is stored with the code)
    AS2_PARTNER_UNKNOWN("T320", "No AS2 agreement names this AS2-From; ask the hub operator to register yours"),
    AS2_SIGNATURE_INVALID("T321", "The AS2 signature does not verify with the certificate of your AS2 agreement"),
    AS2_INSUFFICIENT_SECURITY("T322", "The AS2 message is not signed or encrypted as your AS2 agreement requires"),
    // SOAP transport (answered with a SOAP fault)
    SOAP_NOT_AUTHENTICATED("T330", "The SOAP call carries no valid API token: send the HTTP header Authorization: Bearer <your API token>"),

    INTERNAL_ERROR("S901", "The hub could not process the message; it is kept and will be examined"),
    STORAGE_FULL("S902", "The hub's disk is nearly full and it takes no new messages until space is freed; this one was not stored: send it again later");

    /** Broad classes of fault; they decide the reply type and whether a retry can help. */
    public enum Category { WIRE, BUSINESS, TRUST, AGENCY, HUB }

    private final String code;
    private final String text;

    ErrorCode(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    public Category category() {
        return switch (code.charAt(0)) {
            case 'W' -> Category.WIRE;
            case 'B' -> Category.BUSINESS;
            case 'T' -> Category.TRUST;
            case 'A' -> Category.AGENCY;
            default -> Category.HUB;
        };
    }

    /** The one-character NX903 {@code ValidationCode}. */
    public String validationCode() {
        return code.substring(0, 1);
    }

    public static ErrorCode byCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown error code " + code);
    }
}
