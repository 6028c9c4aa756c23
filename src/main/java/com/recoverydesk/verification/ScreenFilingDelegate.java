package com.recoverydesk.verification;

import com.recoverydesk.process.Ineligibility;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("screenFiling")
class ScreenFilingDelegate extends CaseDelegate {

    private final FilingScreen screen;
    private final Ineligibility ineligible;

    ScreenFilingDelegate(FilingScreen screen, Ineligibility ineligible) {
        this.screen = screen;
        this.ineligible = ineligible;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        if (!screen.screen(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
