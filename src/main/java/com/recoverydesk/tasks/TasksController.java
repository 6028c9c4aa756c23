package com.recoverydesk.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.identity.Groups;
import com.recoverydesk.review.ReviewConditions;
import com.recoverydesk.review.ReviewDecision;
import com.recoverydesk.rules.RecoveryRules;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    private final RecoveryRules rules;

    TasksController(TaskService tasks, IdentityService identity, CaseStore cases, CaseViews views, RecoveryRules rules) {
        this.tasks = tasks;
        this.identity = identity;
        this.cases = cases;
        this.views = views;
        this.rules = rules;
    }

    @GetMapping
    List<TaskView> open(Authentication caller) {
        List<String> groups = groupsOf(caller);
        List<Task> visible = tasks.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(caller.getName()).endOr()
                .active().orderByTaskCreateTime().asc().list();
        return visible.stream().map(this::view).toList();
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
        if (kind == TaskKind.REVIEW) {
            variables.putAll(conditionVariables(caseId, form));
        }
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
        if (!blank(form.reasonCode()) && (kind != TaskKind.REVIEW || !"REJECT".equals(form.decision())
                || ReviewDecision.REJECTION_CODES.stream().noneMatch(code -> code.name().equals(form.reasonCode().trim())))) {
            errors.add(new FieldError("reasonCode", "INVALID_REASON_CODE", "A specialist's rejection names one of "
                    + ReviewDecision.REJECTION_CODES + "; other decisions name none."));
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
            // always set, so a confirmation given in an earlier round of the same review never carries over
            variables.put(CaseProcess.SENDER_CONTRACT_CONFIRMED, Boolean.TRUE.equals(form.senderContractConfirmed()));
            variables.put(CaseProcess.REVIEW_REASON_CODE, blank(form.reasonCode()) ? null : form.reasonCode().trim());
        }
        return variables;
    }

    /**
     * A conditional chain's conditions, named by number or text, as one Boolean per condition (every one set, so a
     * confirmation of an earlier round never carries over); the review listener decides what they allow.
     */
    private Map<String, Object> conditionVariables(String caseId, DecisionForm form) {
        String chain = cases.find(caseId).orElseThrow().chain();
        List<String> conditions = rules.chain(chain).orElseThrow().conditions();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        for (int n = 1; n <= conditions.size(); n++) {
            variables.put(ReviewConditions.confirmedVariable(n), false);
        }
        for (String entry : form.conditionsConfirmed() == null ? List.<String>of() : form.conditionsConfirmed()) {
            ReviewConditions.numberOf(entry, conditions).ifPresentOrElse(n -> variables.put(ReviewConditions.confirmedVariable(n), true),
                    () -> errors.add(new FieldError("conditionsConfirmed", "UNKNOWN_CONDITION", "'" + entry + "' is not a condition of "
                            + chain + "; name each by its number (1 to " + conditions.size() + ") or its exact text.")));
        }
        if (!blank(form.condition())) {
            ReviewConditions.numberOf(form.condition(), conditions).ifPresentOrElse(n -> variables.put(ReviewConditions.UNMET, n),
                    () -> errors.add(new FieldError("condition", "UNKNOWN_CONDITION", "'" + form.condition() + "' is not a condition of "
                            + chain + "; name it by its number (1 to " + conditions.size() + ") or its exact text.")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
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

    /**
     * A task of another group does not exist for the caller: 404, never 403. A task of the caller's group that a
     * colleague claimed is visible (the engine's candidate query hides it unless asked), so the caller is told who
     * has it (409) instead of that it does not exist.
     */
    private Task visibleTask(String taskId, Authentication caller) {
        Task task = tasks.createTaskQuery().taskId(taskId).or().taskCandidateGroupIn(groupsOf(caller)).includeAssignedTasks()
                .taskAssignee(caller.getName()).endOr().singleResult();
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
        CaseView theCase = cases.find(caseId).map(views::of).orElse(null);
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

    /**
     * {@code reasonCode}: with REJECT on a review, REJECTED_BY_REVIEW (the default), SENDER_IS_A_CONTRACT or
     * CONDITION_NOT_MET (then {@code condition} names the unmet one); {@code senderContractConfirmed}: approving a
     * deposit sent from a contract needs it true; {@code conditionsConfirmed}: approving on a conditional chain needs
     * every condition of it, each by its number (1-based) or its text.
     */
    record DecisionForm(String decision, String reason, String message, String valuationUsd, String reasonCode,
            Boolean senderContractConfirmed, List<String> conditionsConfirmed, String condition) {
    }

    /** {@code facts} are the case's verified on-chain facts; {@code case} the whole case as its customer sees it. */
    record TaskView(String id, String caseId, TaskKind kind, String name, String assignee, Instant created,
            CaseView.FactsView facts, @JsonProperty("case") CaseView theCase) {
    }

    record CompletedView(String taskId, String caseId, TaskKind kind, String decision, String caseStatus) {
    }
}
