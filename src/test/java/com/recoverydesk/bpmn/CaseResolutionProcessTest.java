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
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("case-resolution.bpmn")).isEmpty();
    }
}
