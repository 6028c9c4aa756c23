package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.recoverydesk.cases.CaseProcess;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** bpmn/wrong-network-recovery.bpmn: verify the deposit, then the shared resolution. */
class WrongNetworkRecoveryProcessTest extends ProcessTest {

    @Test
    void toVerify_verified_toResolved_withTheCaseIdAsBusinessKeyOfEveryCalledProcess() {
        ProcessInstance recovery = startCase(CaseProcess.WRONG_NETWORK);
        ProcessInstance verification = calledProcessInstance(CaseProcess.VERIFICATION, recovery);
        assertThat(verification).hasBusinessKey(recovery.getBusinessKey()).isWaitingAt("readDeposit");
        execute(job(verification));

        assertThat(recovery).hasPassed("verifyDeposit").isWaitingAt("resolveCase");
        ProcessInstance resolution = calledProcessInstance(CaseProcess.RESOLUTION, recovery);
        assertThat(resolution).hasBusinessKey(recovery.getBusinessKey()).isWaitingAt(CaseProcess.REVIEW_TASK);
        complete(task(resolution), withVariables(CaseProcess.REVIEW_DECISION, "REJECT"));

        assertThat(resolution).hasPassed("rejectedByReview").isEnded();
        assertThat(recovery).hasPassed("caseResolved").isEnded();
    }

    @Test
    void toVerify_toRejectedOnVerification_whenVerificationFindsTheDepositIneligible() {
        StandInSteps.on("screenFiling", StandInSteps.ineligible("NOT_YOUR_DEPOSIT_ADDRESS"));
        // screening runs in the filing's transaction: a case it rejects ends there, with no job
        ProcessInstance recovery = startCase(CaseProcess.WRONG_NETWORK);

        assertThat(recovery).hasPassed("rejectedOnVerification").hasNotPassed("resolveCase").isEnded();
        Assertions.assertThat(variableOf(recovery, CaseProcess.INELIGIBLE_REASON)).isEqualTo("NOT_YOUR_DEPOSIT_ADDRESS");
    }

    @Test
    void toRejectedOnVerification_alsoWhenTheChainSaysSo() {
        StandInSteps.on("readDeposit", StandInSteps.ineligible("TX_FAILED"));
        ProcessInstance recovery = startCase(CaseProcess.WRONG_NETWORK);
        ProcessInstance verification = calledProcessInstance(CaseProcess.VERIFICATION, recovery);
        execute(job(verification));

        assertThat(recovery).hasPassed("rejectedOnVerification").isEnded();
        Assertions.assertThat(variableOf(recovery, CaseProcess.INELIGIBLE_REASON)).isEqualTo("TX_FAILED");
        Assertions.assertThat(StandInSteps.ran()).doesNotContain("checkEligibility");
    }

    @Test
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("wrong-network-recovery.bpmn")).isEmpty();
    }
}
