package com.recoverydesk.approval;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * An approval by someone who may not give it. An {@link AuthorizationException}, so that the engine REST API
 * and Tasklist answer 403 like for any other missing permission, and the command is rolled back.
 */
class FourEyesViolation extends AuthorizationException {

    FourEyesViolation(String message) {
        super(message);
    }
}
