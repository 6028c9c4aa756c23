package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.Ineligibility;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("readDeposit")
class ReadDepositDelegate extends CaseDelegate {

    private final DepositCheck check;
    private final Ineligibility ineligible;
    private final VerificationSettings settings;

    ReadDepositDelegate(DepositCheck check, VerificationSettings settings, Ineligibility ineligible) {
        this.check = check;
        this.settings = settings;
        this.ineligible = ineligible;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        Integer previous = (Integer) execution.getVariable(CaseProcess.CHECKS);
        int checks = previous == null ? 1 : previous + 1;
        DepositState state = check.check(caseId, checks, checks >= settings.getMaxChecks());
        if (state == DepositState.INELIGIBLE) {
            throw ineligible.of(caseId);
        }
        if (state == DepositState.WAITING) {
            // only a case that waits counts its checks and needs the timer's duration: each variable costs the engine three
            // rows (runtime, history, detail), and most deposits are final at their first read
            execution.setVariable(CaseProcess.CHECKS, checks);
            execution.setVariable(CaseProcess.RECHECK_AFTER, settings.getRecheckInterval().toString());
        }
        execution.setVariable(CaseProcess.DEPOSIT_STATE, state.name());
    }
}
