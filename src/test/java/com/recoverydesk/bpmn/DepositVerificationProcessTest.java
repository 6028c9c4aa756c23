package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.recoverydesk.cases.CaseProcess;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** bpmn/deposit-verification.bpmn. Ineligible ends are caught by the callers (see their tests). */
class DepositVerificationProcessTest extends ProcessTest {

    @Test
    void toScreen_screened_toDepositState_stateConfirmed_toVerified() {
        ProcessInstance verification = startCase(CaseProcess.VERIFICATION);
        // screening runs in the transaction that starts the process: the first job is the chain read
        assertThat(verification).hasPassed("screenFiling").isWaitingAt("readDeposit");
        execute(job());

        assertThat(verification).hasPassedInOrder("screenFiling", "readDeposit", "checkEligibility", "verificationDone").isEnded();
    }

    @Test
    void stateWaiting_afterWaiting_readsTheChainAgainWhenTheFollowerReportsItsHead() {
        AtomicInteger reads = new AtomicInteger();
        StandInSteps.on("readDeposit", execution -> execution.setVariable(CaseProcess.DEPOSIT_STATE,
                reads.incrementAndGet() == 1 ? "WAITING" : "CONFIRMED"));
        ProcessInstance verification = startCase(CaseProcess.VERIFICATION);
        assertThat(verification).isWaitingAt("readDeposit");
        execute(job());

        assertThat(verification).isWaitingAt("waitForBlocks");
        Assertions.assertThat(StandInSteps.ran()).containsExactly("screenFiling", "readDeposit", "awaitHead");
        clockForward(Duration.ofMinutes(5));
        Assertions.assertThat(dueJobs(verification)).as("no polling timer: only the follower wakes the case").isZero();
        headReached(verification);
        assertThat(verification).isWaitingAt("readDeposit");
        execute(job());

        assertThat(verification).hasPassed("checkEligibility").isEnded();
        Assertions.assertThat(reads).hasValue(2);
    }

    @Test
    void lastRead_aDepositStillWaitingWhenItsBoundRunsOutIsReadALastTime_theBoundCountingFromItsFirstWait() {
        AtomicInteger reads = new AtomicInteger();
        StandInSteps.on("readDeposit", execution -> {
            reads.incrementAndGet();
            if (Integer.valueOf(99).equals(execution.getVariable(CaseProcess.CHECKS))) {
                StandInSteps.ineligible("NOT_ENOUGH_CONFIRMATIONS").accept(execution);
            }
            execution.setVariable(CaseProcess.DEPOSIT_STATE, "WAITING");
        });
        ProcessInstance verification = startCase(CaseProcess.VERIFICATION);
        assertThat(verification).hasPassed("screenFiling").isWaitingAt("readDeposit");
        execute(job());
        assertThat(verification).isWaitingAt("waitForBlocks");
        clockForward(StandInSteps.WAIT_BOUND.minusMinutes(4));
        headReached(verification);
        execute(job());
        assertThat(verification).isWaitingAt("waitForBlocks");

        clockForward(Duration.ofMinutes(3));
        Assertions.assertThat(dueJobs(verification)).as("a wake does not restart the bound").isZero();
        clockForward(Duration.ofMinutes(1).plusSeconds(1));
        Assertions.assertThat(dueJobs(verification)).isOne();
        execute(job());
        assertThat(verification).isWaitingAt("readDeposit");
        execute(job());

        assertThat(verification).hasNotPassed("checkEligibility").isEnded();
        Assertions.assertThat(reads).hasValue(3);
        Assertions.assertThat(StandInSteps.ran()).containsSubsequence("awaitHead", "readDeposit", "awaitHead", "lastRead", "readDeposit");
    }

    private static void headReached(ProcessInstance instance) {
        runtimeService().createMessageCorrelation(CaseProcess.HEAD_MESSAGE).processInstanceBusinessKey(instance.getBusinessKey()).correlate();
    }

    @Test
    void anUncaughtCaseIneligibleEndsTheInstance_asInOldModelVersionsThatDoNotCatchIt() {
        StandInSteps.on("screenFiling", StandInSteps.ineligible("CHAIN_UNSUPPORTED"));
        ProcessInstance verification = startCase(CaseProcess.VERIFICATION);

        assertThat(verification).hasNotPassed("readDeposit").isEnded();
    }

    @Test
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("deposit-verification.bpmn")).isEmpty();
    }
}
