package com.recoverydesk.intake;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.NewCase;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.process.CaseProcesses;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a validated case: the row, the first timeline entry and the process instance are created in one
 * transaction, so there is never a case without its workflow nor a workflow without its case.
 */
@Service
class Intake {

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final CaseProcesses processes;

    Intake(CaseStore cases, CaseTransitions transitions, CaseProcesses processes) {
        this.cases = cases;
        this.transitions = transitions;
        this.processes = processes;
    }

    @Transactional
    RecoveryCase file(NewCase filing) {
        String id = UUID.randomUUID().toString();
        RecoveryCase filed = cases.insert(id, filing);
        transitions.filed(id, filing.customerId());
        processes.start(id, filing.type());
        return filed;
    }
}
