package org.onewindow.demo;

/**
 * What a demo agency does with a message, as named in the {@code outcome} column of the demo rules. Each
 * outcome says which replies are sent and in which order; {@link #forCustoms} and {@link #forAgencies}
 * say who may use it (the rules file is checked against them when it loads).
 */
public enum DemoOutcome {
    /** Agencies: NX901 then a result Y. Customs: the same as {@link #C1}. */
    ACCEPT(true, true, "Accepted"),
    /** Agencies: NX901, an NX902 sampling and fee notice, then a result Y. */
    INSPECT(false, true, "Goods selected for sampling"),
    /** Agencies: NX901, an NX902 sampling and fee notice, then a result N failing the picked items. */
    FAIL(false, true, "Goods failed inspection"),
    /** Everyone: an NX903 error and nothing else. */
    REJECT(true, true, "Refused by the demo agency"),
    /** Everyone: no answer at all. */
    SILENT(true, true, ""),
    /** Customs: released without inspection, N5116 (after N5110 when duties are payable). */
    C1(true, false, "Released without inspection"),
    /** Customs: N5107 document check, then N5116 (after N5110 when duties are payable). */
    C2(true, false, "Documents selected for review"),
    /** Customs: N5107 physical inspection, then N5116 (after N5110 when duties are payable). */
    C3(true, false, "Goods selected for physical inspection");

    private final boolean forCustoms;
    private final boolean forAgencies;
    private final String standardText;

    DemoOutcome(boolean forCustoms, boolean forAgencies, String standardText) {
        this.forCustoms = forCustoms;
        this.forAgencies = forAgencies;
        this.standardText = standardText;
    }

    public boolean forCustoms() {
        return forCustoms;
    }

    public boolean forAgencies() {
        return forAgencies;
    }

    /** The remark replies carry when the rule's text column is empty. */
    public String standardText() {
        return standardText;
    }
}
