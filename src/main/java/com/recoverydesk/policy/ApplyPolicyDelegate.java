package com.recoverydesk.policy;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Applies what the table decided (the business rule task's outputs {@code policyDecision}, {@code policyReasonCode},
 * {@code policyRule}): records it with the table's version, reserves against the caps, and sets {@code policyRoute}
 * for the gateway.
 */
@Component("applyPolicy")
class ApplyPolicyDelegate extends CaseDelegate {

    private final StraightThrough policy;

    ApplyPolicyDelegate(StraightThrough policy) {
        this.policy = policy;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        // the business rule task binds the latest version; read in the same transaction, right after it evaluated
        DecisionDefinition table = execution.getProcessEngineServices().getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(CaseProcess.POLICY_TABLE).latestVersion().singleResult();
        PolicyOutcome outcome = new PolicyOutcome((String) execution.getVariable(CaseProcess.POLICY_DECISION),
                (String) execution.getVariable(CaseProcess.POLICY_REASON_CODE), (String) execution.getVariable(CaseProcess.POLICY_RULE),
                table.getVersion());
        execution.setVariable(CaseProcess.POLICY_ROUTE, policy.apply(caseId, outcome));
    }
}
