package org.onewindow.party;

/** What a party is to the hub; it decides which messages it may send and which endpoints it may use. */
public enum PartyKind {
    /** An importer or exporter, named by its 8-digit business id. */
    TRADER,
    /** A customs broker: business id plus the 3-character box id its declaration numbers carry. */
    BROKER,
    /** A government agency system (customs, CD, DN, VP), named by its agency code. */
    AGENCY,
    /** The hub itself: it signs everything it sends. */
    HUB,
    /** A person or system operating the hub. */
    OPERATOR
}
