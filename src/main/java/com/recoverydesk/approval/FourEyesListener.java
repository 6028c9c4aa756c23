package com.recoverydesk.approval;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.identity.Actors;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four-eyes, inside the engine so that no path around it exists (our API, Tasklist, the engine REST API):
 * the specialist who reviewed a case can neither claim nor complete its approval, and the second approval
 * must come from a different wallet member than the first.
 * <p>
 * When the task is created, Camunda authorizations on it are revoked for those people, so the engine itself
 * refuses them with its ordinary 403 on every path; on assignment and completion this listener checks again,
 * which also covers callers the engine runs without authorization checks.
 */
@Component("fourEyes")
class FourEyesListener implements TaskListener {

    private final Actors actors;
    private final AuthorizationService authorizations;

    FourEyesListener(Actors actors, AuthorizationService authorizations) {
        this.actors = actors;
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = (String) task.getVariable(CaseProcess.REVIEWER);
        String firstApprover = CaseProcess.SECOND_APPROVAL_TASK.equals(task.getTaskDefinitionKey())
                ? (String) task.getVariable(CaseProcess.FIRST_APPROVER) : null;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            revoke(task.getId(), reviewer);
            revoke(task.getId(), firstApprover);
            return;
        }
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            refuse(task.getAssignee(), reviewer, firstApprover);
            return;
        }
        String actor = actors.actingOn(task);
        if (actor == null) {
            throw new FourEyesViolation("An approval must be given by a named wallet team member.");
        }
        refuse(actor, reviewer, firstApprover);
        if (task.getAssignee() != null) {
            refuse(task.getAssignee(), reviewer, firstApprover);
        }
    }

    private void revoke(String taskId, String user) {
        if (user == null) {
            return;
        }
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(user);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(taskId);
        revoke.removePermission(Permissions.ALL);
        authorizations.saveAuthorization(revoke);
    }

    private static void refuse(String user, String reviewer, String firstApprover) {
        if (user == null) {
            return;
        }
        if (Objects.equals(user, reviewer)) {
            throw new FourEyesViolation(user + " reviewed this case and so cannot approve its refund (four-eyes).");
        }
        if (Objects.equals(user, firstApprover)) {
            throw new FourEyesViolation(user + " already approved this refund; the second approval must come from someone else.");
        }
    }
}
