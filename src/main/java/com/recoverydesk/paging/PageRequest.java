package com.recoverydesk.paging;

/**
 * One page of a list as asked for: at most {@code limit} items, strictly after {@code after} (null: the first page).
 * Stores fetch {@link #fetch()} rows, one more than the page, to learn whether a next page exists without counting.
 */
public record PageRequest(int limit, Cursor after) {

    public int fetch() {
        return limit + 1;
    }
}
