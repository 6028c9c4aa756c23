package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.identity.Actors;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks and records a specialist's decision when the review task completes, on every path (API, Tasklist,
 * engine REST): a rejection needs a reason, a request for information needs the question, and approving a
 * deposit without a known price needs a valuation.
 */
@Component("reviewDecided")
class ReviewDecidedListener implements TaskListener {

    private final CaseStore cases;
    private final Timeline timeline;
    private final Actors actors;

    ReviewDecidedListener(CaseStore cases, Timeline timeline, Actors actors) {
        this.cases = cases;
        this.timeline = timeline;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = (String) task.getVariable(CaseProcess.CASE_ID);
        ReviewDecision decision = decision(task.getVariable(CaseProcess.REVIEW_DECISION));
        String reason = text(task.getVariable(CaseProcess.DECISION_REASON));
        String question = text(task.getVariable(CaseProcess.INFO_MESSAGE));
        String reviewer = actors.actingOn(task);
        RecoveryCase c = cases.find(caseId).orElseThrow();
        switch (decision) {
            case REJECT -> {
                require(reason != null, "A rejection needs a reason the user can read (decisionReason).");
                task.setVariable(CaseProcess.REJECTION_CODE, "REJECTED_BY_REVIEW");
                task.setVariable(CaseProcess.REJECTED_BY, reviewer);
                timeline.note(caseId, reviewer, "REVIEW_REJECTED", c.status(), reason);
            }
            case REQUEST_INFO -> {
                require(question != null, "Asking for information needs the question for the user (infoMessage).");
                timeline.note(caseId, reviewer, "REVIEW_ASKED", c.status(), question);
            }
            case APPROVE -> {
                if (c.fee() == null) {
                    require(valuation(task.getVariable(CaseProcess.VALUATION_USD)) != null,
                            "This token has no known price: approving needs your valuation of the deposit in USD (valuationUsd).");
                }
                timeline.note(caseId, reviewer, "REVIEW_APPROVED", c.status(), reason == null ? "Approved by the appeals specialist." : reason);
            }
        }
        task.setVariable(CaseProcess.REVIEWER, reviewer);
    }

    static BigDecimal valuation(Object value) {
        try {
            BigDecimal usd = value == null ? null : new BigDecimal(value.toString().trim());
            return usd != null && usd.signum() > 0 ? usd : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ReviewDecision decision(Object value) {
        try {
            return ReviewDecision.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("The review decision must be APPROVE, REJECT or REQUEST_INFO (reviewDecision).");
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BadUserRequestException(message);
        }
    }
}
