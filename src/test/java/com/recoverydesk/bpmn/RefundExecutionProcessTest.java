package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.recoverydesk.cases.CaseProcess;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
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
    void gasNotYet_gasAgain_transfersNotYet_transfersAgain_broadcastTheSameBytesAtEachNewHeadUntilConfirmed() {
        AtomicInteger checks = new AtomicInteger();
        // each confirmation is seen on the second look only
        StandInSteps.on("checkRefund", execution -> execution.setVariable(CaseProcess.REFUND_CONFIRMED, checks.incrementAndGet() % 2 == 0));
        ProcessInstance refund = startCase(CaseProcess.REFUND);
        assertThat(refund).isWaitingAt("signGasTopUp");
        execute(job());
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("waitForGasTopUp");
        clockForward(Duration.ofMinutes(5));
        Assertions.assertThat(dueJobs(refund)).as("no polling timer: only the follower wakes the refund").isZero();
        headReached(refund);
        assertThat(refund).isWaitingAt("broadcastGasTopUp");
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("signTransfers");
        execute(job());
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("waitForTransfers");
        headReached(refund);
        execute(job());
        execute(job());

        assertThat(refund).hasPassed("completeRefund").isEnded();
        Assertions.assertThat(StandInSteps.ran()).filteredOn("signTransfers"::equals).hasSize(1);
        Assertions.assertThat(StandInSteps.ran()).filteredOn("broadcastRefund"::equals).hasSize(4);
        Assertions.assertThat(StandInSteps.ran()).filteredOn("awaitHead"::equals).hasSize(2);
    }

    @Test
    void gasTooLong_gasLookedAgain_transfersTooLong_transfersLookedAgain_aRefundBuriedWhenItsBoundRunsOutGoesOn() {
        AtomicInteger checks = new AtomicInteger();
        StandInSteps.on("checkRefund", execution -> execution.setVariable(CaseProcess.REFUND_CONFIRMED, checks.incrementAndGet() % 2 == 0));
        ProcessInstance refund = startCase(CaseProcess.REFUND);
        assertThat(refund).isWaitingAt("signGasTopUp");
        execute(job());
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("waitForGasTopUp");
        clockForward(StandInSteps.WAIT_BOUND.plusSeconds(1));
        execute(job());
        assertThat(refund).isWaitingAt("gasTopUpOverdue");
        execute(job());
        assertThat(refund).isWaitingAt("broadcastGasTopUp");
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("signTransfers");
        execute(job());
        execute(job());
        execute(job());
        assertThat(refund).isWaitingAt("waitForTransfers");
        clockForward(StandInSteps.WAIT_BOUND.minusSeconds(1));
        Assertions.assertThat(dueJobs(refund)).as("the transfers' bound is their own, from their first wait").isZero();
        clockForward(Duration.ofSeconds(2));
        execute(job());
        assertThat(refund).isWaitingAt("transfersOverdue");
        execute(job());
        execute(job());
        execute(job());

        assertThat(refund).hasPassed("completeRefund").isEnded();
        Assertions.assertThat(StandInSteps.ran()).filteredOn("refundOverdue"::equals).hasSize(2);
    }

    @Test
    void aRefundNotBuriedWhenItsBoundRunsOutStopsWithAnIncidentAtOnce() {
        StandInSteps.on("checkRefund", execution -> execution.setVariable(CaseProcess.REFUND_CONFIRMED, false));
        StandInSteps.on("refundOverdue", execution -> {
            throw new IllegalStateException("not mined: 0xabc");
        });
        ProcessInstance refund = startCase(CaseProcess.REFUND);
        assertThat(refund).isWaitingAt("signGasTopUp");
        execute(job());
        execute(job());
        execute(job());
        clockForward(StandInSteps.WAIT_BOUND.plusSeconds(1));
        execute(job());
        assertThat(refund).isWaitingAt("gasTopUpOverdue");

        Job overdue = job();
        Assertions.assertThatThrownBy(() -> managementService().executeJob(overdue.getId())).hasMessageContaining("not mined: 0xabc");

        Assertions.assertThat(managementService().createJobQuery().jobId(overdue.getId()).singleResult().getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(refund.getId()).singleResult())
                .satisfies(incident -> {
                    Assertions.assertThat(incident.getActivityId()).isEqualTo("gasTopUpOverdue");
                    Assertions.assertThat(incident.getIncidentMessage()).contains("not mined: 0xabc");
                });
        assertThat(refund).isWaitingAt("gasTopUpOverdue").isNotEnded();
    }

    private static void headReached(ProcessInstance instance) {
        runtimeService().createMessageCorrelation(CaseProcess.HEAD_MESSAGE).processInstanceBusinessKey(instance.getBusinessKey()).correlate();
    }

    @Test
    @Order(LAST)
    void everySequenceFlowWasTaken() {
        Assertions.assertThat(FlowCoverage.notTaken("refund-execution.bpmn")).isEmpty();
    }
}
