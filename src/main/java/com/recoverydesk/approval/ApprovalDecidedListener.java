package com.recoverydesk.approval;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.identity.Actors;
import com.recoverydesk.rules.RecoveryRules;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records a wallet member's decision and whether a second approval is needed: above approval.dual-above-usd
 * (by the deposit's value) one approval is not enough.
 */
@Component("approvalDecided")
class ApprovalDecidedListener implements TaskListener {

    private final CaseStore cases;
    private final Timeline timeline;
    private final RecoveryRules rules;
    private final Actors actors;

    ApprovalDecidedListener(CaseStore cases, Timeline timeline, RecoveryRules rules, Actors actors) {
        this.cases = cases;
        this.timeline = timeline;
        this.rules = rules;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = (String) task.getVariable(CaseProcess.CASE_ID);
        ApprovalDecision decision;
        try {
            decision = ApprovalDecision.valueOf(String.valueOf(task.getVariable(CaseProcess.APPROVAL_DECISION)));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("The approval decision must be APPROVE or REJECT (approvalDecision).");
        }
        Object reason = task.getVariable(CaseProcess.DECISION_REASON);
        String approver = actors.actingOn(task);
        RecoveryCase c = cases.find(caseId).orElseThrow();
        boolean first = CaseProcess.APPROVAL_TASK.equals(task.getTaskDefinitionKey());
        if (decision == ApprovalDecision.REJECT) {
            if (reason == null || reason.toString().isBlank()) {
                throw new BadUserRequestException("A rejection needs a reason the user can read (decisionReason).");
            }
            task.setVariable(CaseProcess.REJECTION_CODE, "REJECTED_BY_WALLET");
            task.setVariable(CaseProcess.REJECTED_BY, approver);
            timeline.note(caseId, approver, "APPROVAL_REFUSED", c.status(), reason.toString());
            return;
        }
        boolean dual = c.fee() != null && c.fee().valueUsd().compareTo(rules.dualApprovalAboveUsd()) > 0;
        task.setVariable(CaseProcess.SECOND_APPROVAL_NEEDED, first && dual);
        if (first) {
            task.setVariable(CaseProcess.FIRST_APPROVER, approver);
        }
        timeline.note(caseId, approver, first ? "REFUND_APPROVED" : "REFUND_APPROVED_SECOND", c.status(),
                first && dual ? "Approved; worth more than " + rules.dualApprovalAboveUsd().toPlainString()
                        + " USD, so a second wallet member must approve too." : "Approved for refund.");
    }
}
