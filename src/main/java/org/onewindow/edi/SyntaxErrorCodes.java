package org.onewindow.edi;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Translates StAEDI's validation errors into UN/EDIFACT syntax error codes (data element 0085), the codes a
 * CONTRL carries, each with the standard's short text.
 */
final class SyntaxErrorCodes {
    /** 0085 code 17: no agreement; the hub uses it for EDIFACT on a channel that cannot authenticate its sender. */
    static final String NO_AGREEMENT = "17";
    /** 0085 code 23: unknown interchange sender; the UNB sender is not the authenticated party. */
    static final String UNKNOWN_SENDER = "23";
    /** 0085 code 18: unspecified error; used when the interchange cannot be read at all. */
    static final String UNSPECIFIED = "18";

    private SyntaxErrorCodes() {
    }

    static String code(EDIStreamValidationError error) {
        switch (error) {
            case MANDATORY_SEGMENT_MISSING:
            case IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING:
            case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE:
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES:
            case CONDITIONAL_REQUIRED_SEGMENT_MISSING:
            case REQUIRED_DATA_ELEMENT_MISSING:
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING:
            case IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING:
            case IMPLEMENTATION_TOO_FEW_REPETITIONS:
                return "13";
            case INVALID_CODE_VALUE:
            case IMPLEMENTATION_INVALID_CODE_VALUE:
            case IMPLEMENTATION_PATTERN_MATCH_FAILURE:
            case INVALID_DATE:
            case INVALID_TIME:
                return "12";
            case UNRECOGNIZED_SEGMENT_ID:
            case UNEXPECTED_SEGMENT:
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET:
            case SEGMENT_NOT_IN_PROPER_SEQUENCE:
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT:
            case IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT:
            case SEGMENT_EXCLUSION_CONDITION_VIOLATED:
            case EXCLUSION_CONDITION_VIOLATED:
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT:
            case IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT:
                return "15";
            case TOO_MANY_DATA_ELEMENTS:
            case TOO_MANY_COMPONENTS:
                return "16";
            case SEGMENT_EXCEEDS_MAXIMUM_USE:
            case TOO_MANY_REPETITIONS:
                return "35";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES:
                return "36";
            case INVALID_CHARACTER_DATA:
                return "21";
            case DATA_ELEMENT_TOO_LONG:
                return "39";
            case DATA_ELEMENT_TOO_SHORT:
                return "40";
            case CONTROL_REFERENCE_MISMATCH:
                return "28";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT:
                return "29";
            default:
                return UNSPECIFIED;
        }
    }

    /** The standard's name of a 0085 code, for readable records. */
    static String text(String code) {
        switch (code) {
            case "12": return "Invalid value";
            case "13": return "Missing";
            case "15": return "Not supported in this position";
            case "16": return "Too many constituents";
            case NO_AGREEMENT: return "No agreement";
            case "21": return "Invalid character(s)";
            case UNKNOWN_SENDER: return "Unknown interchange sender";
            case "28": return "References do not match";
            case "29": return "Control count does not match number of instances received";
            case "35": return "Too many repetitions";
            case "36": return "Too many segment groups";
            case "39": return "Data element too long";
            case "40": return "Data element too short";
            default: return "Unspecified error";
        }
    }
}
