package com.recoverydesk.tasks;

import com.recoverydesk.cases.CaseProcess;
import java.util.Set;

/** The human steps of a case, as staff see them. */
enum TaskKind {
    REVIEW(Set.of("APPROVE", "REJECT", "REQUEST_INFO"), CaseProcess.REVIEW_DECISION),
    WALLET_APPROVAL(Set.of("APPROVE", "REJECT"), CaseProcess.APPROVAL_DECISION);

    final Set<String> decisions;
    final String decisionVariable;

    TaskKind(Set<String> decisions, String decisionVariable) {
        this.decisions = decisions;
        this.decisionVariable = decisionVariable;
    }

    static TaskKind of(String taskDefinitionKey) {
        return CaseProcess.REVIEW_TASK.equals(taskDefinitionKey) ? REVIEW : WALLET_APPROVAL;
    }
}
