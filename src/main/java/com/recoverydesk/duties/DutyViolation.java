package com.recoverydesk.duties;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Someone outside a task's group tried to take or decide it. An {@link AuthorizationException}, so the engine REST
 * API and Tasklist answer 403 like for any missing permission, and the whole command is rolled back.
 */
public class DutyViolation extends AuthorizationException {

    DutyViolation(String message) {
        super(message);
    }
}
