package org.onewindow.edi;

import java.util.List;

/**
 * A UN/EDIFACT interchange as read: its envelope (syntax identifier and version, sender, recipient, control
 * reference from UNB), its messages, and the errors of the envelope itself (UNA, UNB, UNZ: counts, references).
 * An interchange with envelope errors is rejected whole.
 */
public record Interchange(String syntaxId, String syntaxVersion, String sender, String recipient, String controlReference,
                          List<EdifactMessage> messages, List<SyntaxError> errors) {

    public boolean envelopeValid() {
        return errors.isEmpty();
    }
}
