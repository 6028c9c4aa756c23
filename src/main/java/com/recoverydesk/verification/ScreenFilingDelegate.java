package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.Ineligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("screenFiling")
class ScreenFilingDelegate implements JavaDelegate {

    private final FilingScreen screen;
    private final Ineligibility ineligible;

    ScreenFilingDelegate(FilingScreen screen, Ineligibility ineligible) {
        this.screen = screen;
        this.ineligible = ineligible;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        if (!screen.screen(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
