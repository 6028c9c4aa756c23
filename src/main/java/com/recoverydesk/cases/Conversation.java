package com.recoverydesk.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the customer and the specialist said to each other on a case, in order: the customer's note from the
 * form, each question a specialist asked and each reply. Read from the case row and its timeline, where the
 * words are kept exactly as written; whoever shows them shows them as text.
 */
public record Conversation(List<Words> words) {

    /** The timeline events that carry a question to the customer and the customer's answer. */
    static final String QUESTION_EVENT = "REVIEW_ASKED";
    static final String REPLY_EVENT = "USER_REPLIED";

    public enum Kind { NOTE, QUESTION, REPLY }

    /** One thing said: when, by whom, and the words as they were written. */
    public record Words(Instant at, String author, Kind kind, String text) {
    }

    public static Conversation of(RecoveryCase c, List<TimelineEntry> timeline) {
        List<Words> words = new ArrayList<>();
        if (c.note() != null && !c.note().isBlank()) {
            words.add(new Words(c.createdAt(), c.customerId(), Kind.NOTE, c.note()));
        }
        for (TimelineEntry e : timeline) {
            if (e.message() == null) {
                continue;
            }
            if (QUESTION_EVENT.equals(e.event())) {
                words.add(new Words(e.at(), e.actor(), Kind.QUESTION, e.message()));
            } else if (REPLY_EVENT.equals(e.event())) {
                words.add(new Words(e.at(), e.actor(), Kind.REPLY, e.message()));
            }
        }
        return new Conversation(List.copyOf(words));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
