package com.recoverydesk.process;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * A case's process instances, found by the business key every one of them carries: the case id (the case's
 * own process and the processes it calls). Runs in the caller's transaction, so a case's rows and its process
 * change together.
 */
@Service
public class CaseProcesses {

    private final RuntimeService runtime;

    CaseProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process of a case of this kind, with the case id as business key. */
    public void start(String caseId, CaseType type) {
        runtime.startProcessInstanceByKey(CaseProcess.processKeyOf(type), caseId, Map.of(CaseProcess.CASE_ID, caseId));
    }

    /** Hands the user's reply to the case waiting for it. */
    public void correlateReply(String caseId) {
        runtime.createMessageCorrelation(CaseProcess.REPLY_MESSAGE).processInstanceBusinessKey(caseId).correlate();
    }

    /**
     * Wakes the case waiting for its chain (follow.HeadFollower); whether one was waiting. A case no longer waiting
     * (cancelled, or its bounded wait ran out first) is not an error: there is nothing to wake.
     */
    public boolean wakeOnHead(String caseId) {
        return !runtime.createMessageCorrelation(CaseProcess.HEAD_MESSAGE).processInstanceBusinessKey(caseId)
                .correlateAllWithResult().isEmpty();
    }

    /** Ends the case's process; deleting it deletes the processes it is calling, too. */
    public void cancel(String caseId, String why) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKeyIn(CaseProcess.WRONG_NETWORK, CaseProcess.UNLISTED_TOKEN).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), why));
    }

    /** Ids of the case's running process instances (for links into Cockpit). */
    public List<String> instanceIds(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream().map(ProcessInstance::getId).toList();
    }

    /** Incidents open in the engine, of every case. */
    public long openIncidents() {
        return runtime.createIncidentQuery().count();
    }
}
