package com.recoverydesk.intake;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.NewCase;
import com.recoverydesk.cases.RecoveryCase;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
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
    private final RuntimeService runtime;

    Intake(CaseStore cases, CaseTransitions transitions, RuntimeService runtime) {
        this.cases = cases;
        this.transitions = transitions;
        this.runtime = runtime;
    }

    @Transactional
    RecoveryCase file(NewCase filing) {
        String id = UUID.randomUUID().toString();
        RecoveryCase filed = cases.insert(id, filing);
        transitions.filed(id, filing.customerId());
        runtime.startProcessInstanceByKey(CaseProcess.processKeyOf(filing.type()), id, Map.of(CaseProcess.CASE_ID, id));
        return filed;
    }
}
