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

    /**
     * The case as this transaction leaves it: starting the process also screens the filing (the rules that need no
     * chain), so the case is {@code VERIFYING}, or already {@code REJECTED} with its reason, with the {@code FILED}
     * entry (status {@code SUBMITTED}) first on its timeline; the chain is read by the first job, after the commit.
     */
    @Transactional
    RecoveryCase file(NewCase filing) {
        String id = UUID.randomUUID().toString();
        cases.insert(id, filing);
        transitions.filed(id, filing.customerId());
        processes.start(id, filing.type());
        return cases.find(id).orElseThrow();
    }
}
