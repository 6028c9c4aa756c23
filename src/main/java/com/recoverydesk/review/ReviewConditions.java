package com.recoverydesk.review;

import java.util.List;
import java.util.Optional;

/**
 * The conditions of a {@code recovery: conditional} chain as the review names them: by number (1 for the first in
 * chains.yml) or by their exact text. Each confirmation is one Boolean process variable, {@code conditionConfirmed<n>},
 * which the Tasklist form's checkboxes and our task API set alike, and which {@link ReviewDecidedListener} checks.
 */
public final class ReviewConditions {

    /** Task-local Integer for the review form: how many condition checkboxes to show. */
    public static final String COUNT = "conditionCount";
    /** Integer or text: the number of the condition a specialist found unmet (with CONDITION_NOT_MET). */
    public static final String UNMET = "unmetCondition";

    private ReviewConditions() {
    }

    /** The Boolean variable that confirms condition {@code number} (1-based). */
    public static String confirmedVariable(int number) {
        return "conditionConfirmed" + number;
    }

    /** The 1-based number of the condition {@code entry} names (its number or its exact text), if it names one. */
    public static Optional<Integer> numberOf(Object entry, List<String> conditions) {
        if (entry == null) {
            return Optional.empty();
        }
        if (entry instanceof Number number) {
            // the Tasklist form's number field gives a Long or a Double
            int n = number.intValue();
            return n >= 1 && n <= conditions.size() && number.doubleValue() == n ? Optional.of(n) : Optional.empty();
        }
        String text = entry.toString().trim();
        for (int i = 0; i < conditions.size(); i++) {
            if (text.equals(String.valueOf(i + 1)) || text.equals(conditions.get(i))) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }
}
