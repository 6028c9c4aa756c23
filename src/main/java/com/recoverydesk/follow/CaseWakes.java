package com.recoverydesk.follow;

import com.recoverydesk.process.CaseProcesses;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wakes one waiting case: its wait row goes and its process moves on in one transaction, so a wake the engine
 * refuses (the case's job was running at that instant) leaves the wait for the next head to try again.
 */
@Component
class CaseWakes {

    private final ChainWaits waits;
    private final CaseProcesses processes;

    CaseWakes(ChainWaits waits, CaseProcesses processes) {
        this.waits = waits;
        this.processes = processes;
    }

    /** @return whether the case was still waiting */
    @Transactional
    public boolean wake(String caseId) {
        waits.forget(caseId);
        return processes.wakeOnHead(caseId);
    }
}
