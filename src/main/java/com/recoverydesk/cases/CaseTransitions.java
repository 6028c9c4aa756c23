package com.recoverydesk.cases;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way a case changes status. Status and timeline entry are written together, inside the
 * transaction of the engine step (or request) that caused the change, so the audit trail can never miss
 * a change nor show one that was rolled back.
 */
@Component
public class CaseTransitions {

    /** The actor of steps the workflow takes on its own. */
    public static final String SYSTEM = "system";

    private final CaseStore cases;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    CaseTransitions(CaseStore cases, Timeline timeline, ApplicationEventPublisher events) {
        this.cases = cases;
        this.timeline = timeline;
        this.events = events;
    }

    /** The first line of every timeline: the customer filed the case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void filed(String caseId, String customerId) {
        timeline.append(caseId, customerId, "FILED", CaseStatus.SUBMITTED, null, "Case filed.");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void move(String caseId, CaseStatus to, String actor, String event, String message) {
        cases.updateStatus(caseId, to, null, null);
        timeline.append(caseId, actor, event, to, null, message);
        events.publishEvent(new CaseStatusChanged(caseId, to, null, message));
    }

    /** Closes the case as {@code REJECTED}, releasing its deposit; the user reads the reason's sentence. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reject(String caseId, ReasonCode reason, String actor, String detail) {
        close(caseId, CaseStatus.REJECTED, reason, actor, "REJECTED", detail);
    }

    /** Ends the case in a closed status with the reason the user reads. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(String caseId, CaseStatus to, ReasonCode reason, String actor, String event, String detail) {
        if (to.isOpen()) {
            throw new IllegalArgumentException(to + " is not a closing status");
        }
        String message = detail == null ? reason.message() : reason.message() + " " + detail;
        cases.updateStatus(caseId, to, reason, message);
        timeline.append(caseId, actor, event, to, reason, message);
        events.publishEvent(new CaseStatusChanged(caseId, to, reason, message));
    }
}
