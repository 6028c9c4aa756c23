package com.recoverydesk.follow;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.process.CaseDelegate;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.verification.VerificationSettings;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * On the flow into a wait for the chain ({@code waitForBlocks}, {@code waitForGasTopUp}, {@code waitForTransfers}):
 * registers the case with its chain's follower, in the transaction of the step that found it must wait, and sets once
 * per wait the time its bounded wait ends ({@code <wait>Until}, read by the wait's boundary timer). A deposit waits as
 * long as verification always allowed ({@code recovery.verification.recheck-interval} × {@code max-checks}); a refund
 * {@code recovery.follow.refund-max-wait}.
 */
@Component("awaitHead")
class AwaitHeadListener implements ExecutionListener {

    private final ChainWaits waits;
    private final CaseStore cases;
    private final RecoveryRules rules;
    private final VerificationSettings verification;
    private final FollowSettings settings;

    AwaitHeadListener(ChainWaits waits, CaseStore cases, RecoveryRules rules, VerificationSettings verification, FollowSettings settings) {
        this.waits = waits;
        this.cases = cases;
        this.rules = rules;
        this.verification = verification;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseId = CaseDelegate.caseIdOf(execution);
        boolean deposit = execution.getProcessDefinitionId().startsWith(CaseProcess.VERIFICATION + ":");
        RecoveryCase filed = cases.find(caseId).orElseThrow();
        int confirmations = rules.chain(filed.chain()).orElseThrow().confirmations();
        waits.register(caseId, filed.chain(), deposit ? ChainWaits.Kind.DEPOSIT : ChainWaits.Kind.REFUND, deposit ? filed.txHash() : null,
                confirmations, ClockUtil.getCurrentTime().toInstant());
        String deadline = untilVariable(execution);
        if (execution.getVariable(deadline) == null) {
            Duration bound = deposit ? verification.getRecheckInterval().multipliedBy(verification.getMaxChecks()) : settings.getRefundMaxWait();
            execution.setVariable(deadline, Date.from(ClockUtil.getCurrentTime().toInstant().plus(bound)));
        }
    }

    /** {@code waitForBlocksUntil} on the flow into {@code waitForBlocks}: one deadline per wait of the process. */
    static String untilVariable(DelegateExecution execution) {
        SequenceFlow flow = execution.getBpmnModelInstance().getModelElementById(execution.getCurrentTransitionId());
        return flow.getTarget().getId() + "Until";
    }
}
