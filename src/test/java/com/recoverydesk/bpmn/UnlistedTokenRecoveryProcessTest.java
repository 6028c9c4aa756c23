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

/** bpmn/unlisted-token-recovery.bpmn: verify the deposit, assess the token, then the shared resolution. */
class UnlistedTokenRecoveryProcessTest extends ProcessTest {

    private static ProcessInstance verified() {
        ProcessInstance recovery = startCase(CaseProcess.UNLISTED_TOKEN);
        ProcessInstance verification = calledProcessInstance(CaseProcess.VERIFICATION, recovery);
        assertThat(verification).hasPassed("screenFiling").isWaitingAt("readDeposit");
        execute(job(verification));
        return recovery;
    }

    @Test
    void toVerify_verified_tokenPassed_toResolved() {
        ProcessInstance recovery = verified();
        assertThat(recovery).isWaitingAt("assessToken");
        execute(job());

        assertThat(recovery).isWaitingAt("resolveCase");
        ProcessInstance resolution = calledProcessInstance(CaseProcess.RESOLUTION, recovery);
        assertThat(resolution).hasBusinessKey(recovery.getBusinessKey()).isWaitingAt(CaseProcess.REVIEW_TASK);
        complete(task(resolution), withVariables(CaseProcess.REVIEW_DECISION, "REJECT"));

        assertThat(recovery).hasPassedInOrder("verifyDeposit", "assessToken", "resolveCase", "caseResolved").isEnded();
    }

    @Test
    void toRejectedOnAssessment_whenTheTokenFailsItsAssessment() {
        StandInSteps.on("assessToken", StandInSteps.ineligible("NOT_AN_ERC20"));
        ProcessInstance recovery = verified();
        assertThat(recovery).isWaitingAt("assessToken");
        execute(job());

        assertThat(recovery).hasPassed("rejectedOnAssessment").hasNotPassed("resolveCase").isEnded();
        Assertions.assertThat(variableOf(recovery, CaseProcess.INELIGIBLE_REASON)).isEqualTo("NOT_AN_ERC20");
    }

    @Test
    void toRejectedOnVerification_whenVerificationFindsTheDepositIneligible() {
        StandInSteps.on("checkEligibility", StandInSteps.ineligible("ALREADY_CLAIMED"));
        ProcessInstance recovery = verified();

        assertThat(recovery).hasPassed("rejectedOnVerification").hasNotPassed("assessToken").isEnded();
        Assertions.assertThat(variableOf(recovery, CaseProcess.INELIGIBLE_REASON)).isEqualTo("ALREADY_CLAIMED");
    }

    @Test
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("unlisted-token-recovery.bpmn")).isEmpty();
    }
}
