package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.process.CaseDelegate;
import com.recoverydesk.rules.RecoveryRules;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The specialist needs more from the user: tell them, and start the reply window of chains.yml. */
@Component("requestInfo")
class RequestInfoDelegate extends CaseDelegate {

    private final CaseTransitions transitions;
    private final RecoveryRules rules;

    RequestInfoDelegate(CaseTransitions transitions, RecoveryRules rules) {
        this.transitions = transitions;
        this.rules = rules;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        String question = (String) execution.getVariable(CaseProcess.INFO_MESSAGE);
        transitions.move(caseId, CaseStatus.INFO_REQUESTED, (String) execution.getVariable(CaseProcess.REVIEWER), "INFO_REQUESTED", question);
        execution.setVariable(CaseProcess.REPLY_WINDOW, Duration.ofDays(rules.replyWaitDays()).toString());
    }
}
