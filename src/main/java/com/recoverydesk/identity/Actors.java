package com.recoverydesk.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting on a task inside the engine. The API, Tasklist and the engine REST API all run the engine as
 * the signed-in user, so that user is known on every path; a task completed without one falls back to its
 * assignee.
 */
@Component
public class Actors {

    private final IdentityService identity;

    Actors(IdentityService identity) {
        this.identity = identity;
    }

    /** The acting user's id, or null when the engine runs for nobody and the task has no assignee. */
    public String actingOn(DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee();
    }
}
