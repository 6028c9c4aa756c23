package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.recoverydesk.cases.CaseProcess;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** bpmn/case-resolution.bpmn: fee, review with questions to the user, approval with four-eyes and dual approval, refund. */
class CaseResolutionProcessTest extends ProcessTest {

    private static ProcessInstance inReview() {
        ProcessInstance resolution = startCase(CaseProcess.RESOLUTION);
        assertThat(resolution).hasPassedInOrder("quoteFee", "queueForReview").isWaitingAt(CaseProcess.REVIEW_TASK);
        return resolution;
    }

    private static ProcessInstance inApproval() {
        ProcessInstance resolution = inReview();
        complete(task(), withVariables(CaseProcess.REVIEW_DECISION, "APPROVE"));
        assertThat(resolution).hasPassedInOrder("settleFee", "awaitApproval").isWaitingAt(CaseProcess.APPROVAL_TASK);
        return resolution;
    }

    @Test
    void toQuoteFee_toRejectedBelowFee_whenTheDepositDoesNotCoverTheFee() {
        StandInSteps.on("quoteFee", StandInSteps.ineligible("BELOW_FEE"));
        ProcessInstance resolution = startCase(CaseProcess.RESOLUTION);

        assertThat(resolution).hasPassed("rejectedBelowFee").hasNotPassed("queueForReview").isEnded();
        Assertions.assertThat(variableOf(resolution, CaseProcess.INELIGIBLE_REASON)).isEqualTo("BELOW_FEE");
    }

    @Test
    void feeCovered_toReview_toReviewOutcome_reviewRejected_toRejectedByReview() {
        ProcessInstance resolution = inReview();
        complete(task(), withVariables(CaseProcess.REVIEW_DECISION, "REJECT", CaseProcess.DECISION_REASON, "Not your deposit."));

        assertThat(resolution).hasPassedInOrder("reviewOutcome", "rejectAfterReview", "rejectedByReview").isEnded();
        Assertions.assertThat(StandInSteps.ran()).containsSubsequence("taskFacts:create", "reviewDecided:complete", "closeRejected");
    }

    @Test
    void reviewAsks_toWaitForReply_replied_backToReview() {
        ProcessInstance resolution = inReview();
        complete(task(), withVariables(CaseProcess.REVIEW_DECISION, "REQUEST_INFO", CaseProcess.INFO_MESSAGE, "Which wallet?"));
        assertThat(resolution).hasPassed("requestInfo").isWaitingAt("waitForReply");

        runtimeService().createMessageCorrelation(CaseProcess.REPLY_MESSAGE).processInstanceBusinessKey(resolution.getBusinessKey()).correlate();

        assertThat(resolution).isWaitingAt(CaseProcess.REVIEW_TASK);
        Assertions.assertThat(StandInSteps.ran()).containsSubsequence("queueForReview", "requestInfo", "queueForReview");
    }

    @Test
    void toCloseNoReply_toClosedNoReply_whenTheReplyWindowEndsByTheEnginesClock() {
        ProcessInstance resolution = inReview();
        complete(task(), withVariables(CaseProcess.REVIEW_DECISION, "REQUEST_INFO", CaseProcess.INFO_MESSAGE, "Which wallet?"));
        assertThat(resolution).isWaitingAt("waitForReply");
        Job deadline = job();
        Assertions.assertThat(deadline.getDuedate()).isEqualTo(new java.util.Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(14).toMillis()));

        clockForward(Duration.ofDays(14).minusMinutes(1));
        Assertions.assertThat(dueJobs(resolution)).isZero();
        clockForward(Duration.ofMinutes(2));
        Assertions.assertThat(dueJobs(resolution)).isOne();
        execute(deadline);

        assertThat(resolution).hasPassedInOrder("replyDeadline", "closeNoReply", "closedNoReply").isEnded();
    }

    @Test
    void reviewApproved_toRejectedAtValuation_whenTheValuationDoesNotCoverTheFee() {
        StandInSteps.on("settleFee", StandInSteps.ineligible("BELOW_FEE"));
        ProcessInstance resolution = inReview();
        complete(task(), withVariables(CaseProcess.REVIEW_DECISION, "APPROVE", CaseProcess.VALUATION_USD, "5"));

        assertThat(resolution).hasPassed("settleFee", "rejectedAtValuation").hasNotPassed("awaitApproval").isEnded();
        Assertions.assertThat(variableOf(resolution, CaseProcess.INELIGIBLE_REASON)).isEqualTo("BELOW_FEE");
    }

    @Test
    void feeSettled_toApproval_toApprovalOutcome_approvalRejected_toRejectedByWallet() {
        ProcessInstance resolution = inApproval();
        complete(task(), withVariables(CaseProcess.APPROVAL_DECISION, "REJECT", CaseProcess.DECISION_REASON, "Sanctioned address."));

        assertThat(resolution).hasPassedInOrder("approvalOutcome", "rejectAfterApproval", "rejectedByWallet").isEnded();
        Assertions.assertThat(StandInSteps.ran()).containsSubsequence("fourEyes:create", "fourEyes:complete", "approvalDecided:complete",
                "closeRejected");
    }

    @Test
    void approvalApproved_secondNo_toExecuteRefund_toRefunded() {
        ProcessInstance resolution = inApproval();
        complete(task(), withVariables(CaseProcess.APPROVAL_DECISION, "APPROVE", CaseProcess.SECOND_APPROVAL_NEEDED, false));
        assertThat(resolution).hasPassed("startRefund").isWaitingAt("executeRefund");

        ProcessInstance refund = calledProcessInstance(CaseProcess.REFUND, resolution);
        assertThat(refund).hasBusinessKey(resolution.getBusinessKey());
        for (int step = 0; step < 6; step++) {
            execute(job(refund));
        }

        assertThat(refund).isEnded();
        assertThat(resolution).hasPassedInOrder("executeRefund", "refunded").isEnded();
    }

    @Test
    void secondYes_secondDone_aSecondApproverAboveTheThreshold() {
        ProcessInstance resolution = inApproval();
        complete(task(), withVariables(CaseProcess.APPROVAL_DECISION, "APPROVE", CaseProcess.SECOND_APPROVAL_NEEDED, true));
        assertThat(resolution).hasNotPassed("startRefund").isWaitingAt(CaseProcess.SECOND_APPROVAL_TASK);

        complete(task(), withVariables(CaseProcess.APPROVAL_DECISION, "APPROVE", CaseProcess.SECOND_APPROVAL_NEEDED, false));

        assertThat(resolution).hasPassed("secondApproval", "startRefund").isWaitingAt("executeRefund");
    }

    @Test
    void toPolicyAsked_policyOff_whenStraightThroughIsOff() {
        ProcessInstance resolution = inReview();

        assertThat(resolution).hasPassedInOrder("quoteFee", "gatherPolicyFacts", "policyAsked", "queueForReview").hasNotPassed("decidePolicy");
    }

    @Test
    void policyOnOrDryRun_toApplyPolicy_toPolicyRoute_policyApproved_toRefundStraightThrough() {
        StandInSteps.on("gatherPolicyFacts", StandInSteps.policyFacts(RecoveryPolicyTableTest.clean()));
        ProcessInstance resolution = startCase(CaseProcess.RESOLUTION);

        assertThat(resolution).hasPassedInOrder("gatherPolicyFacts", "decidePolicy", "applyPolicy", "approveByPolicy")
                .hasNotPassed("queueForReview").isWaitingAt("executeRefund");
        Assertions.assertThat(variableOf(resolution, CaseProcess.POLICY_DECISION)).isEqualTo("AUTO_APPROVE");
        Assertions.assertThat(variableOf(resolution, CaseProcess.POLICY_RULE)).isEqualTo("clean-listed-direct-to-sender");
        // Cockpit's decision instance: the table, the inputs it read, the rule that matched
        var decided = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricDecisionInstanceQuery()
                .processInstanceId(resolution.getId()).includeInputs().includeOutputs().singleResult();
        Assertions.assertThat(decided.getDecisionDefinitionKey()).isEqualTo(CaseProcess.POLICY_TABLE);
        Assertions.assertThat(decided.getActivityId()).isEqualTo("decidePolicy");
        Assertions.assertThat(decided.getOutputs()).filteredOn(o -> o.getVariableName().equals("rule"))
                .singleElement().satisfies(o -> Assertions.assertThat(o.getValue()).isEqualTo("clean-listed-direct-to-sender"));
        Assertions.assertThat(decided.getInputs()).hasSize(11);

        ProcessInstance refund = calledProcessInstance(CaseProcess.REFUND, resolution);
        for (int step = 0; step < 6; step++) {
            execute(job(refund));
        }
        assertThat(resolution).hasPassedInOrder("executeRefund", "refunded").isEnded();
    }

    @Test
    void policyToPeople_whenTheTableSaysRejectTheCaseStillReachesASpecialist() {
        java.util.Map<String, Object> facts = RecoveryPolicyTableTest.clean();
        facts.put("earlierRejections", 3);
        StandInSteps.on("gatherPolicyFacts", StandInSteps.policyFacts(facts));
        ProcessInstance resolution = startCase(CaseProcess.RESOLUTION);

        assertThat(resolution).hasPassedInOrder("decidePolicy", "applyPolicy", "policyRoute", "queueForReview").hasNotPassed("approveByPolicy")
                .isWaitingAt(CaseProcess.REVIEW_TASK);
        Assertions.assertThat(variableOf(resolution, CaseProcess.POLICY_DECISION)).isEqualTo("REJECT");
        Assertions.assertThat(variableOf(resolution, CaseProcess.POLICY_REASON_CODE)).isEqualTo("REPEATED_REJECTIONS");
        Assertions.assertThat(variableOf(resolution, CaseProcess.POLICY_ROUTE)).isEqualTo("REVIEW");
    }

    @Test
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("case-resolution.bpmn")).isEmpty();
    }
}
