package com.recoverydesk.process;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.duties.DutyViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The people's steps of the cases: find, claim and complete tasks. Claiming and completing run as the caller,
 * so the engine's own four-eyes listeners and authorizations judge them exactly as they judge Tasklist and the
 * engine REST API; what the engine refuses comes back as {@link TaskRefused}.
 */
@Service
public class CaseTasks {

    private final TaskService tasks;
    private final IdentityService identity;

    CaseTasks(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /** A person as the engine knows them: the user id and their groups. */
    public record Caller(String user, List<String> groups) {
    }

    /** An open task of a case. */
    public record CaseTask(String id, String caseId, TaskKind kind, String name, String assignee, Instant created) {
    }

    /**
     * The task, if the caller may see it (a task of their groups or assigned to them). A task of the caller's group
     * that a colleague claimed stays visible (the candidate query hides it unless asked), so the caller can be told
     * who has it.
     */
    public Optional<CaseTask> visible(String taskId, Caller caller) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).or().taskCandidateGroupIn(caller.groups()).includeAssignedTasks()
                .taskAssignee(caller.user()).endOr().singleResult()).map(this::view);
    }

    /** The open tasks of one case, whichever of its processes holds them. */
    public List<CaseTask> ofCase(String caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).list().stream().map(this::view).toList();
    }

    public CaseTask claim(String taskId, Caller caller) {
        asCaller(caller, () -> {
            tasks.claim(taskId, caller.user());
            return null;
        });
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /** Completes the task with these variables, claiming it for the caller first when nobody holds it. */
    public void complete(String taskId, Caller caller, Map<String, Object> variables) {
        asCaller(caller, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task != null && task.getAssignee() == null) {
                tasks.claim(taskId, caller.user());
            }
            tasks.complete(taskId, variables);
            return null;
        });
    }

    private <T> T asCaller(Caller caller, Supplier<T> work) {
        identity.setAuthentication(caller.user(), caller.groups());
        try {
            return work.get();
        } catch (ProcessEngineException e) {
            throw refusalOf(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The engine wraps what a task listener throws; the innermost engine exception says what went wrong. */
    private static RuntimeException refusalOf(ProcessEngineException e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException || t instanceof BadUserRequestException) {
                cause = t;
            }
        }
        if (cause instanceof DutyViolation) {
            return new TaskRefused(TaskRefused.Reason.NOT_YOUR_DUTY, cause.getMessage());
        }
        if (cause instanceof AuthorizationException) {
            return new TaskRefused(TaskRefused.Reason.FOUR_EYES,
                    cause.getMessage().contains("four-eyes") || cause.getMessage().contains("second approval") ? cause.getMessage()
                            : "You may not work on this task: who reviewed a case cannot approve its refund, and two approvals need two people.");
        }
        if (cause instanceof BadUserRequestException) {
            return new TaskRefused(TaskRefused.Reason.INVALID_DECISION, cause.getMessage());
        }
        return e;
    }

    private CaseTask view(Task task) {
        return new CaseTask(task.getId(), (String) tasks.getVariable(task.getId(), CaseProcess.CASE_ID), TaskKind.of(task.getTaskDefinitionKey()),
                task.getName(), task.getAssignee(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
    }
}
