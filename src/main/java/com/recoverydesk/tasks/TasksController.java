package com.recoverydesk.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.identity.Groups;
import com.recoverydesk.paging.Cursor;
import com.recoverydesk.paging.PageRequest;
import com.recoverydesk.paging.Paging;
import com.recoverydesk.web.ApiProblem;
import com.recoverydesk.web.FieldError;
import com.recoverydesk.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff work queue: the open tasks of the caller's groups with the case facts, claim, and complete with a
 * decision. Every engine call runs as the caller, so the engine's own four-eyes listeners judge it exactly as
 * they judge Tasklist and the engine REST API.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TasksController {

    private final TaskService tasks;
    private final IdentityService identity;
    private final CaseStore cases;
    private final CaseViews views;
    private final TaskQueueEngine queue;
    private final Paging paging;

    TasksController(TaskService tasks, IdentityService identity, CaseStore cases, CaseViews views, TaskQueueEngine queue, Paging paging) {
        this.tasks = tasks;
        this.identity = identity;
        this.cases = cases;
        this.views = views;
        this.queue = queue;
        this.paging = paging;
    }

    /** The open tasks of the caller's groups and their own, the oldest first, a page at a time (see {@link Paging}). */
    @GetMapping
    ResponseEntity<List<TaskView>> open(Authentication caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = paging.request(limit, cursor);
        List<Task> visible = queue.page(groupsOf(caller), caller.getName(), page.after() == null ? null : page.after().at(),
                page.after() == null ? null : page.after().id(), page.fetch());
        return paging.answer(views(visible), page, t -> new Cursor(t.created(), t.id()));
    }

    /** A page of tasks with their cases, read in a few queries for the whole page rather than four per task. */
    private List<TaskView> views(List<Task> page) {
        Map<String, String> caseIds = queue.caseIdsOf(page);
        Map<String, CaseView> byCase = new HashMap<>();
        views.of(List.copyOf(cases.findAll(caseIds.values().stream().filter(java.util.Objects::nonNull).toList()).values()))
                .forEach(v -> byCase.put(v.id(), v));
        return page.stream().map(t -> view(t, caseIds.get(t.getId()), byCase.get(caseIds.get(t.getId())))).toList();
    }

    @PostMapping("/{taskId}/claim")
    TaskView claim(@PathVariable String taskId, Authentication caller) {
        Task task = visibleTask(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.getName())) {
            throw claimedBy(task);
        }
        asCaller(caller, () -> {
            tasks.claim(taskId, caller.getName());
            return null;
        });
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    @PostMapping("/{taskId}/complete")
    CompletedView complete(@PathVariable String taskId, @RequestBody DecisionForm form, Authentication caller) {
        Task task = visibleTask(taskId, caller);
        TaskKind kind = TaskKind.of(task.getTaskDefinitionKey());
        Map<String, Object> variables = validate(kind, form);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.getName())) {
            throw claimedBy(task);
        }
        String caseId = caseIdOf(task);
        asCaller(caller, () -> {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, caller.getName());
            }
            tasks.complete(taskId, variables);
            return null;
        });
        return new CompletedView(taskId, caseId, kind, form.decision(), cases.find(caseId).orElseThrow().status().name());
    }

    private Map<String, Object> validate(TaskKind kind, DecisionForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.decision() == null || !kind.decisions.contains(form.decision())) {
            errors.add(new FieldError("decision", "INVALID_DECISION", "For a " + kind + " task decide one of " + kind.decisions + "."));
        }
        if ("REJECT".equals(form.decision()) && blank(form.reason())) {
            errors.add(new FieldError("reason", "REQUIRED", "A rejection needs a reason the user can read."));
        }
        if ("REQUEST_INFO".equals(form.decision()) && blank(form.message())) {
            errors.add(new FieldError("message", "REQUIRED", "Say what the user should tell us."));
        }
        if (!blank(form.reason()) && form.reason().length() > 1000) {
            errors.add(new FieldError("reason", "TOO_LONG", "At most 1000 characters."));
        }
        if (!blank(form.message()) && form.message().length() > 2000) {
            errors.add(new FieldError("message", "TOO_LONG", "At most 2000 characters."));
        }
        if (!blank(form.valuationUsd())) {
            try {
                if (new BigDecimal(form.valuationUsd().trim()).signum() <= 0) {
                    errors.add(new FieldError("valuationUsd", "INVALID_AMOUNT", "The valuation is a positive USD amount."));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("valuationUsd", "INVALID_AMOUNT", "The valuation is a positive USD amount such as 1250.00."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(kind.decisionVariable, form.decision());
        variables.put(CaseProcess.DECISION_REASON, blank(form.reason()) ? null : form.reason().trim());
        if (kind == TaskKind.REVIEW) {
            variables.put(CaseProcess.INFO_MESSAGE, blank(form.message()) ? null : form.message().trim());
            variables.put(CaseProcess.VALUATION_USD, blank(form.valuationUsd()) ? null : form.valuationUsd().trim());
        }
        return variables;
    }

    /** Runs engine calls as the caller; the engine's refusals become problems a person can read. */
    private <T> T asCaller(Authentication caller, Supplier<T> work) {
        identity.setAuthentication(caller.getName(), groupsOf(caller));
        try {
            return work.get();
        } catch (ProcessEngineException e) {
            throw problemOf(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The engine wraps what a task listener throws; the innermost engine exception says what went wrong. */
    private static RuntimeException problemOf(ProcessEngineException e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException || t instanceof BadUserRequestException) {
                cause = t;
            }
        }
        if (cause instanceof AuthorizationException) {
            return new ApiProblem(HttpStatus.FORBIDDEN, "FOUR_EYES", "Not allowed for you",
                    cause.getMessage().contains("four-eyes") || cause.getMessage().contains("second approval") ? cause.getMessage()
                            : "You may not work on this task: who reviewed a case cannot approve its refund, and two approvals need two people.");
        }
        if (cause instanceof BadUserRequestException) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_DECISION", "Decision refused", cause.getMessage());
        }
        return e;
    }

    /** A task of another group does not exist for the caller: 404, never 403. */
    private Task visibleTask(String taskId, Authentication caller) {
        Task task = tasks.createTaskQuery().taskId(taskId).or().taskCandidateGroupIn(groupsOf(caller)).taskAssignee(caller.getName())
                .endOr().singleResult();
        if (task == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND", "No such task", "There is no open task " + taskId + " for you.");
        }
        return task;
    }

    private static ApiProblem claimedBy(Task task) {
        return new ApiProblem(HttpStatus.CONFLICT, "TASK_CLAIMED", "Task claimed by someone else",
                "This task is being worked on by " + task.getAssignee() + ".", Map.of("assignee", task.getAssignee()));
    }

    private TaskView view(Task task) {
        String caseId = caseIdOf(task);
        return view(task, caseId, cases.find(caseId).map(views::of).orElse(null));
    }

    private static TaskView view(Task task, String caseId, CaseView theCase) {
        return new TaskView(task.getId(), caseId, TaskKind.of(task.getTaskDefinitionKey()), task.getName(), task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(), theCase == null ? null : theCase.facts(), theCase);
    }

    private String caseIdOf(Task task) {
        return (String) tasks.getVariable(task.getId(), CaseProcess.CASE_ID);
    }

    private static List<String> groupsOf(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Groups.PREFIX)).map(a -> a.substring(Groups.PREFIX.length())).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    record DecisionForm(String decision, String reason, String message, String valuationUsd) {
    }

    /** {@code facts} are the case's verified on-chain facts; {@code case} the whole case as its customer sees it. */
    record TaskView(String id, String caseId, TaskKind kind, String name, String assignee, Instant created,
            CaseView.FactsView facts, @JsonProperty("case") CaseView theCase) {
    }

    record CompletedView(String taskId, String caseId, TaskKind kind, String decision, String caseStatus) {
    }
}
