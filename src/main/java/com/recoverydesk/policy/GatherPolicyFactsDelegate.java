package com.recoverydesk.policy;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Gathers the decision table's inputs under the cap lock and says whether the table is asked at all
 * ({@code policyMode}). The inputs are transient variables: the business rule task that follows in the same
 * transaction reads them, the engine's history keeps them with the decision instance, and the process keeps none.
 */
@Component("gatherPolicyFacts")
class GatherPolicyFactsDelegate extends CaseDelegate {

    private final StraightThrough policy;

    GatherPolicyFactsDelegate(StraightThrough policy) {
        this.policy = policy;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        StraightThroughMode mode = policy.mode();
        execution.setVariable(CaseProcess.POLICY_MODE, mode.name());
        if (mode == StraightThroughMode.OFF) {
            return;
        }
        policy.gather(caseId).inputs().forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
    }
}
