package com.recoverydesk.retention;

import com.recoverydesk.cases.CaseStatus;
import java.util.Arrays;
import java.util.List;

/** The statuses in which a case has finished for good: nothing more happens to it, so retention counts from its last change. */
final class FinishedCases {

    static final List<String> STATUSES = Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen()).map(Enum::name).toList();

    private FinishedCases() {
    }
}
