package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseDelegate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Checks a refund's transactions; while one of them is stuck at the chain's {@code max-fee}, an incident of type
 * {@value #FEE_CAP_INCIDENT} stays open on the process (Cockpit shows it), and it is resolved once a transaction of
 * that nonce is mined. The process keeps waiting meanwhile: the stuck transaction may still be mined.
 */
@Component("checkRefund")
class CheckRefundDelegate extends CaseDelegate {

    static final String FEE_CAP_INCIDENT = "refundFeeCap";

    private final RefundConfirmations confirmations;
    private final RefundSettings settings;

    CheckRefundDelegate(RefundConfirmations confirmations, RefundSettings settings) {
        this.confirmations = confirmations;
        this.settings = settings;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        RefundConfirmations.Outcome outcome = confirmations.check(caseId);
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        List<Incident> open = runtime.createIncidentQuery().processInstanceId(execution.getProcessInstanceId())
                .incidentType(FEE_CAP_INCIDENT).list();
        if (outcome.capped().isEmpty()) {
            open.forEach(incident -> runtime.resolveIncident(incident.getId()));
        } else if (open.isEmpty()) {
            execution.createIncident(FEE_CAP_INCIDENT, caseId, String.join(" ", outcome.capped()));
        }
        execution.setVariable(CaseProcess.REFUND_CONFIRMED, outcome.confirmed());
        execution.setVariable(CaseProcess.RECHECK_AFTER, settings.getRecheckInterval().toString());
    }
}
