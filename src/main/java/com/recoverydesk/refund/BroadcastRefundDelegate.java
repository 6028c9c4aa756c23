package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("broadcastRefund")
class BroadcastRefundDelegate implements JavaDelegate {

    private final RefundBroadcaster broadcaster;

    BroadcastRefundDelegate(RefundBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        broadcaster.broadcast(caseId);
    }
}
