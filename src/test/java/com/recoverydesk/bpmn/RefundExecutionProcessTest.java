package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.recoverydesk.cases.CaseProcess;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** bpmn/refund-execution.bpmn: every transaction signed and stored in a step of its own, then broadcast and confirmed. */
class RefundExecutionProcessTest extends ProcessTest {

    @Test
    void toSignGas_toBroadcastGas_toCheckGas_toGasConfirmed_gasYes_toBroadcastTransfers_toCheckTransfers_toTransfersConfirmed_transfersYes_toRefunded() {
        ProcessInstance refund = startCase(CaseProcess.REFUND);
        for (String step : new String[] {"signGasTopUp", "broadcastGasTopUp", "checkGasTopUp", "signTransfers", "broadcastTransfers",
                "checkTransfers"}) {
            assertThat(refund).isWaitingAt(step);
            execute(job());
        }

        assertThat(refund).hasPassed("completeRefund", "refunded").isEnded();
        Assertions.assertThat(StandInSteps.ran()).containsExactly("signGasTopUp", "broadcastRefund", "checkRefund", "signTransfers",
                "broadcastRefund", "checkRefund", "completeRefund");
    }

    @Test
    void gasNotYet_gasAgain_transfersNotYet_transfersAgain_broadcastTheSameBytesUntilConfirmed() {
        AtomicInteger checks = new AtomicInteger();
        StandInSteps.on("checkRefund", execution -> {
            // each confirmation is seen on the second look only
            execution.setVariable(CaseProcess.REFUND_CONFIRMED, checks.incrementAndGet() % 2 == 0);
            execution.setVariable(CaseProcess.RECHECK_AFTER, StandInSteps.RECHECK_AFTER);
        });
        ProcessInstance refund = startCase(CaseProcess.REFUND);
        assertThat(refund).isWaitingAt("signGasTopUp");
        execute(job());
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("waitForGasTopUp");
        Assertions.assertThat(dueJobs(refund)).isZero();
        clockForward(Duration.ofSeconds(31));
        execute(job());
        assertThat(refund).isWaitingAt("broadcastGasTopUp");
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("signTransfers");
        execute(job());
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("waitForTransfers");
        clockForward(Duration.ofSeconds(31));
        execute(job());
        execute(job());
        execute(job());

        assertThat(refund).hasPassed("completeRefund").isEnded();
        Assertions.assertThat(StandInSteps.ran()).filteredOn("signTransfers"::equals).hasSize(1);
        Assertions.assertThat(StandInSteps.ran()).filteredOn("broadcastRefund"::equals).hasSize(4);
    }

    @Test
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("refund-execution.bpmn")).isEmpty();
    }
}
