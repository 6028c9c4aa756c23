package com.recoverydesk.process;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Component;

/**
 * How a step ends a case's process after it rejected the case: the BPMN error {@code caseIneligible}, carrying
 * the reason code the case was rejected with, which a boundary event of the model catches. The rejection itself
 * (status, reason, timeline) is already written in the step's transaction, which the error does not roll back.
 */
@Component
public class Ineligibility {

    private final CaseStore cases;

    Ineligibility(CaseStore cases) {
        this.cases = cases;
    }

    /** The error to throw for a case its step has just rejected. */
    public BpmnError of(String caseId) {
        ReasonCode reason = cases.find(caseId).map(RecoveryCase::reasonCode)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " was found ineligible but carries no reason code"));
        return new BpmnError(CaseProcess.INELIGIBLE_ERROR, reason.name());
    }
}
