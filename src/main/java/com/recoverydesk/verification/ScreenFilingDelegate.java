package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("screenFiling")
class ScreenFilingDelegate implements JavaDelegate {

    private final FilingScreen screen;

    ScreenFilingDelegate(FilingScreen screen) {
        this.screen = screen;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        execution.setVariable(CaseProcess.ELIGIBLE, screen.screen(caseId));
    }
}
