package com.recoverydesk.follow;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseDelegate;
import com.recoverydesk.verification.VerificationSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the flow a deposit's bounded wait takes when it ran out: the case leaves the follower, and the read that follows
 * is the last one verification allows ({@code readDeposit} counts its reads up to {@code recovery.verification.max-checks}),
 * so a deposit still unknown or short of confirmations ends {@code TX_NOT_FOUND} / {@code NOT_ENOUGH_CONFIRMATIONS}, as
 * it always did.
 */
@Component("lastRead")
class LastReadListener implements ExecutionListener {

    private final ChainWaits waits;
    private final VerificationSettings verification;

    LastReadListener(ChainWaits waits, VerificationSettings verification) {
        this.waits = waits;
        this.verification = verification;
    }

    @Override
    public void notify(DelegateExecution execution) {
        waits.forget(CaseDelegate.caseIdOf(execution));
        Integer checks = (Integer) execution.getVariable(CaseProcess.CHECKS);
        execution.setVariable(CaseProcess.CHECKS, Math.max(checks == null ? 0 : checks, verification.getMaxChecks() - 1));
    }
}
