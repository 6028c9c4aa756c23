package com.recoverydesk.process;

import com.recoverydesk.cases.CaseProcess;
import java.util.Set;

/** The human steps of a case, as staff see them, and the decisions each takes. */
public enum TaskKind {
    REVIEW(Set.of("APPROVE", "REJECT", "REQUEST_INFO"), CaseProcess.REVIEW_DECISION),
    WALLET_APPROVAL(Set.of("APPROVE", "REJECT"), CaseProcess.APPROVAL_DECISION);

    private final Set<String> decisions;
    private final String decisionVariable;

    TaskKind(Set<String> decisions, String decisionVariable) {
        this.decisions = decisions;
        this.decisionVariable = decisionVariable;
    }

    public Set<String> decisions() {
        return decisions;
    }

    /** The process variable the decision is completed with. */
    public String decisionVariable() {
        return decisionVariable;
    }

    public static TaskKind of(String taskDefinitionKey) {
        return CaseProcess.REVIEW_TASK.equals(taskDefinitionKey) ? REVIEW : WALLET_APPROVAL;
    }
}
