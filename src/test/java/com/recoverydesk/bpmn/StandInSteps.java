package com.recoverydesk.bpmn;

import com.recoverydesk.cases.CaseProcess;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The beans the models name, standing in for the application's delegates and listeners, whose work (chain
 * reads over JSON-RPC, signing, the case's tables) needs the whole application. Each does by default what
 * the real one tells the process on the way a case most often takes (a deposit confirmed, a fee covered, a
 * refund confirmed), and a test scripts the other outcomes with {@link #on}: the variable the gateway reads,
 * or the BPMN error {@code caseIneligible} with a reason code, exactly as the real step ends. What ran is
 * recorded in {@link #ran()}.
 */
final class StandInSteps {

    static final String RETRY_CYCLE = "R3/PT1M";
    static final String REPLY_WINDOW = "P14D";
    static final String RECHECK_AFTER = "PT30S";
    /** How long a stand-in {@code awaitHead} lets a case wait for the chain, from its first wait. */
    static final java.time.Duration WAIT_BOUND = java.time.Duration.ofMinutes(10);

    private static final Map<String, Consumer<DelegateExecution>> SCRIPTED = new ConcurrentHashMap<>();
    private static final List<String> RAN = new CopyOnWriteArrayList<>();

    private StandInSteps() {
    }

    /** Scripts what the step named by {@code bean} does the next times it runs, until {@link #reset()}. */
    static void on(String bean, Consumer<DelegateExecution> behaviour) {
        SCRIPTED.put(bean, behaviour);
    }

    /** The policy is on and the table decides from these facts (its inputs by name), as policy.GatherPolicyFactsDelegate sets them. */
    static Consumer<DelegateExecution> policyFacts(Map<String, Object> facts) {
        return execution -> {
            execution.setVariable(CaseProcess.POLICY_MODE, "ON");
            facts.forEach((name, value) -> execution.setVariable(name, org.camunda.bpm.engine.variable.Variables.untypedValue(value, true)));
        };
    }

    /** The step ends the case as ineligible with this reason code, as {@code process.Ineligibility} does. */
    static Consumer<DelegateExecution> ineligible(String reasonCode) {
        return execution -> {
            throw new BpmnError(CaseProcess.INELIGIBLE_ERROR, reasonCode);
        };
    }

    static List<String> ran() {
        return List.copyOf(RAN);
    }

    static void reset() {
        SCRIPTED.clear();
        RAN.clear();
    }

    static Map<String, Object> beans() {
        Map<String, Object> beans = new HashMap<>();
        for (String step : List.of("screenFiling", "checkEligibility", "assessToken", "quoteFee", "settleFee", "queueForReview",
                "closeRejected", "closeNoReply", "awaitApproval", "startRefund", "signGasTopUp", "broadcastRefund", "signTransfers",
                "completeRefund", "refundOverdue")) {
            beans.put(step, delegate(step, execution -> { }));
        }
        // the policy is off unless a test scripts the facts: the case goes to people, as every case did before straight-through
        beans.put("gatherPolicyFacts", delegate("gatherPolicyFacts", execution -> execution.setVariable(CaseProcess.POLICY_MODE, "OFF")));
        // as policy.StraightThrough.apply in mode on: the table's AUTO_APPROVE goes straight through, anything else to people
        beans.put("applyPolicy", delegate("applyPolicy", execution -> execution.setVariable(CaseProcess.POLICY_ROUTE,
                "AUTO_APPROVE".equals(execution.getVariable(CaseProcess.POLICY_DECISION)) ? "AUTO_APPROVE" : "REVIEW")));
        beans.put("approveByPolicy", delegate("approveByPolicy", execution -> { }));
        beans.put("readDeposit", delegate("readDeposit", execution -> {
            execution.setVariable(CaseProcess.DEPOSIT_STATE, "CONFIRMED");
            execution.setVariable(CaseProcess.RECHECK_AFTER, RECHECK_AFTER);
        }));
        beans.put("requestInfo", delegate("requestInfo", execution -> execution.setVariable(CaseProcess.REPLY_WINDOW, REPLY_WINDOW)));
        beans.put("checkRefund", delegate("checkRefund", execution -> {
            execution.setVariable(CaseProcess.REFUND_CONFIRMED, true);
            execution.setVariable(CaseProcess.RECHECK_AFTER, RECHECK_AFTER);
        }));
        for (String listener : List.of("taskFacts", "reviewDecided", "fourEyes", "approvalDecided")) {
            beans.put(listener, (TaskListener) task -> RAN.add(listener + ":" + task.getEventName()));
        }
        // as follow.AwaitHeadListener: the deadline of the wait the flow leads into, set once; the real one also registers
        // the case with its chain's follower, whose HeadReached message the tests send themselves
        beans.put("awaitHead", (ExecutionListener) execution -> {
            RAN.add("awaitHead");
            SequenceFlow flow = execution.getBpmnModelInstance().getModelElementById(execution.getCurrentTransitionId());
            String deadline = flow.getTarget().getId() + "Until";
            if (execution.getVariable(deadline) == null) {
                execution.setVariable(deadline, new Date(ClockUtil.getCurrentTime().getTime() + WAIT_BOUND.toMillis()));
            }
        });
        // as follow.LastReadListener: the next read of the deposit is its last
        beans.put("lastRead", (ExecutionListener) execution -> {
            RAN.add("lastRead");
            execution.setVariable(CaseProcess.CHECKS, 99);
        });
        beans.put("verificationSettings", new RetrySettings());
        beans.put("refundSettings", new RetrySettings());
        return beans;
    }

    private static JavaDelegate delegate(String bean, Consumer<DelegateExecution> byDefault) {
        return execution -> {
            RAN.add(bean);
            SCRIPTED.getOrDefault(bean, byDefault).accept(execution);
        };
    }

    /** What {@code ${verificationSettings.retryCycle}} and {@code ${refundSettings.retryCycle}} read in the models. */
    public static final class RetrySettings {
        public String getRetryCycle() {
            return RETRY_CYCLE;
        }
    }

}
