package com.recoverydesk.refund;

import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("broadcastRefund")
class BroadcastRefundDelegate extends CaseDelegate {

    private final RefundBroadcaster broadcaster;

    BroadcastRefundDelegate(RefundBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        broadcaster.broadcast(caseId);
    }
}
