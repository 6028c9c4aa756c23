package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.recoverydesk.cases.CaseProcess;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
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
    void stateWaiting_afterWaiting_readsTheChainAgainWhenTheTimerIsDue() {
        AtomicInteger reads = new AtomicInteger();
        StandInSteps.on("readDeposit", execution -> {
            execution.setVariable(CaseProcess.DEPOSIT_STATE, reads.incrementAndGet() == 1 ? "WAITING" : "CONFIRMED");
            execution.setVariable(CaseProcess.RECHECK_AFTER, StandInSteps.RECHECK_AFTER);
        });
        ProcessInstance verification = startCase(CaseProcess.VERIFICATION);
        assertThat(verification).isWaitingAt("readDeposit");
        execute(job());

        assertThat(verification).isWaitingAt("waitForBlocks");
        Job timer = job();
        Assertions.assertThat(dueJobs(verification)).isZero();
        clockForward(Duration.ofSeconds(31));
        Assertions.assertThat(dueJobs(verification)).isOne();
        execute(timer);
        assertThat(verification).isWaitingAt("readDeposit");
        execute(job());

        assertThat(verification).hasPassed("checkEligibility").isEnded();
        Assertions.assertThat(reads).hasValue(2);
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
