package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.identity.Actors;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks and records a specialist's decision when the review task completes, on every path (API, Tasklist,
 * engine REST): a rejection needs a reason, a request for information needs the question, approving a
 * deposit without a known price needs a valuation, and approving a deposit sent from a contract needs the
 * specialist's confirmation that a refund there reaches the user, and on a conditional chain every condition
 * confirmed (each on the timeline with who and when).
 */
@Component("reviewDecided")
class ReviewDecidedListener implements TaskListener {

    private final CaseStore cases;
    private final Timeline timeline;
    private final Actors actors;
    private final RecoveryRules rules;

    ReviewDecidedListener(CaseStore cases, Timeline timeline, Actors actors, RecoveryRules rules) {
        this.cases = cases;
        this.timeline = timeline;
        this.actors = actors;
        this.rules = rules;
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
                ReasonCode code = rejectionCode(task.getVariable(CaseProcess.REVIEW_REASON_CODE));
                require(code != ReasonCode.SENDER_IS_A_CONTRACT || cases.senderIsContract(caseId),
                        "SENDER_IS_A_CONTRACT fits only a deposit sent from a contract, and this sender (" + senderOf(c) + ") is not one.");
                if (code == ReasonCode.CONDITION_NOT_MET) {
                    List<String> conditions = conditionsOf(c);
                    require(!conditions.isEmpty(), "CONDITION_NOT_MET fits only a case on a conditional chain; " + c.chain() + " has no conditions.");
                    int unmet = ReviewConditions.numberOf(task.getVariable(ReviewConditions.UNMET), conditions).orElseThrow(() ->
                            new BadUserRequestException("CONDITION_NOT_MET names the condition that is not met (unmetCondition): one of "
                                    + numbered(conditions) + "."));
                    reason = "Not met: " + conditions.get(unmet - 1) + " " + reason;
                    task.setVariable(CaseProcess.DECISION_REASON, reason);
                }
                task.setVariable(CaseProcess.REJECTION_CODE, code.name());
                task.setVariable(CaseProcess.REJECTED_BY, reviewer);
                timeline.note(caseId, reviewer, "REVIEW_REJECTED", c.status(), reason);
            }
            case REQUEST_INFO -> {
                require(question != null, "Asking for information needs the question for the user (infoMessage).");
                timeline.note(caseId, reviewer, "REVIEW_ASKED", c.status(), question);
            }
            case APPROVE -> {
                boolean contractSender = cases.senderIsContract(caseId);
                require(!contractSender || Boolean.TRUE.equals(bool(task.getVariable(CaseProcess.SENDER_CONTRACT_CONFIRMED))),
                        "The deposit came from a contract (" + senderOf(c) + "): approving needs your confirmation that a refund"
                                + " there reaches the user (senderContractConfirmed), or reject with SENDER_IS_A_CONTRACT.");
                List<String> conditions = conditionsOf(c);
                List<Integer> unconfirmed = new ArrayList<>();
                for (int n = 1; n <= conditions.size(); n++) {
                    if (!Boolean.TRUE.equals(bool(task.getVariable(ReviewConditions.confirmedVariable(n))))) {
                        unconfirmed.add(n);
                    }
                }
                require(unconfirmed.isEmpty(), "Approving a case on " + c.chain() + " needs every condition of the chain confirmed"
                        + " (conditionsConfirmed); not confirmed: " + unconfirmed.stream().map(n -> n + ". " + conditions.get(n - 1)).toList()
                        + ". Reject with CONDITION_NOT_MET if one is not met.");
                if (c.fee() == null) {
                    require(valuation(task.getVariable(CaseProcess.VALUATION_USD)) != null,
                            "This token has no known price: approving needs your valuation of the deposit in USD (valuationUsd).");
                }
                for (int n = 1; n <= conditions.size(); n++) {
                    timeline.note(caseId, reviewer, "CONDITION_CONFIRMED", c.status(), "Condition " + n + " confirmed: " + conditions.get(n - 1));
                }
                if (contractSender) {
                    timeline.note(caseId, reviewer, "SENDER_CONTRACT_CONFIRMED", c.status(),
                            "Confirmed that a refund to the contract " + senderOf(c) + " reaches the user.");
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

    private static ReasonCode rejectionCode(Object value) {
        String text = text(value);
        if (text == null) {
            return ReasonCode.REJECTED_BY_REVIEW;
        }
        return ReviewDecision.REJECTION_CODES.stream().filter(code -> code.name().equals(text)).findFirst().orElseThrow(() ->
                new BadUserRequestException("A specialist rejects with one of " + ReviewDecision.REJECTION_CODES + " (reviewReasonCode), not " + text + "."));
    }

    /** A checkbox of the Tasklist form gives a Boolean; other paths may give text. */
    private static Boolean bool(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    /** The conditions a specialist confirms: those of a conditional chain, none elsewhere. */
    private List<String> conditionsOf(RecoveryCase c) {
        ChainConfig chain = rules.chain(c.chain()).orElseThrow();
        return chain.recovery() == RecoveryMode.CONDITIONAL ? chain.conditions() : List.of();
    }

    private static List<String> numbered(List<String> conditions) {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            numbered.add((i + 1) + ". " + conditions.get(i));
        }
        return numbered;
    }

    private static String senderOf(RecoveryCase c) {
        return c.facts() == null ? "unknown" : c.facts().from();
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
