package com.recoverydesk.policy;

/** Whether the decision table decides cases ({@code recovery.straight-through.mode}: off, dry-run, on). */
public enum StraightThroughMode {
    /** The table is not asked: every case goes to people, as before straight-through existed. */
    OFF,
    /** The table decides and its decision is recorded, but people still decide every case: to compare before trusting it. */
    DRY_RUN,
    /** The table's AUTO_APPROVE refunds a case with no person involved, within the caps and below dual approval. */
    ON;

    /** The word of the setting, as the timeline and the case JSON show it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
