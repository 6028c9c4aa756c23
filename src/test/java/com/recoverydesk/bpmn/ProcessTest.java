package com.recoverydesk.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.recoverydesk.cases.CaseProcess;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A fast test of one BPMN file on {@link BpmnTestEngine}: deploy, start, and move the process step by step with
 * camunda-bpm-assert ({@code isWaitingAt}, {@code complete(task())}, {@code execute(job())}); timers are moved
 * with the engine's clock. Each test is named after the sequence flows it takes; the last test of each class
 * checks that together they took every flow of the model.
 */
@Tag("bpmn")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ProcessTest {

    /** Runs after every other test of its class: the coverage check. */
    static final int LAST = Integer.MAX_VALUE;

    @BeforeEach
    void engine() {
        BpmnTestEngine.get();
        StandInSteps.reset();
        ClockUtil.setCurrentTime(new Date()); // the engine's clock stands still until a test moves it
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    /** Starts the process as intake does: the case id is the business key and the one variable. */
    static ProcessInstance startCase(String processKey) {
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseProcess.CASE_ID, caseId);
        return runtimeService().startProcessInstanceByKey(processKey, caseId, variables);
    }

    /** A variable of a process instance that may have ended (read from history). */
    static Object variableOf(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    /** Jobs of this instance that are due by the engine's clock. */
    static long dueJobs(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).executable().count();
    }

    /** Moves the engine's clock forward. */
    static void clockForward(java.time.Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }
}
