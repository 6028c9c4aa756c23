package com.recoverydesk.tasks;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.Conversation;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.identity.Groups;
import com.recoverydesk.process.CaseTasks;
import com.recoverydesk.process.CaseTasks.CaseTask;
import com.recoverydesk.process.CaseTasks.Caller;
import com.recoverydesk.process.TaskKind;
import com.recoverydesk.process.TaskRefused;
import com.recoverydesk.review.ReviewConditions;
import com.recoverydesk.review.ReviewDecision;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.process.TaskQueue;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff work queue: the open tasks of the caller's groups with the case facts, claim, and complete with a
 * decision. Every engine call runs as the caller ({@link CaseTasks}), so the engine's own four-eyes listeners
 * judge it exactly as they judge Tasklist and the engine REST API.
 */
@RestController
@Tag(name = "staff")
@RequestMapping("/api/v1/tasks")
class TasksController {

    private final CaseTasks tasks;
    private final CaseStore cases;
    private final CaseViews views;
    private final RecoveryRules rules;
    private final TaskQueue queue;
    private final Paging paging;

    TasksController(CaseTasks tasks, CaseStore cases, CaseViews views, RecoveryRules rules, TaskQueue queue, Paging paging) {
        this.tasks = tasks;
        this.cases = cases;
        this.views = views;
        this.rules = rules;
        this.queue = queue;
        this.paging = paging;
    }

    @Operation(operationId = "listTasks", summary = "List the open tasks of my groups",
            description = "Review and approval tasks the caller's groups may work on, oldest first, each with the case, its facts and the customer's words (`conversation`); a page at a time (`limit`, `cursor`; the next page in `X-Next-Cursor` and `Link`).")
    @Refusals({Refusal.INVALID_REQUEST, Refusal.FORBIDDEN})
    @GetMapping
    ResponseEntity<List<TaskView>> open(Authentication caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = paging.request(limit, cursor);
        List<CaseTask> visible = queue.page(callerOf(caller), page.after() == null ? null : page.after().at(),
                page.after() == null ? null : page.after().id(), page.fetch());
        return paging.answer(views(visible), page, t -> new Cursor(t.created(), t.id()));
    }

    /** A page of tasks with their cases, read in a few queries for the whole page rather than several per task. */
    private List<TaskView> views(List<CaseTask> page) {
        Map<String, RecoveryCase> found = cases.findAll(page.stream().map(CaseTask::caseId).filter(java.util.Objects::nonNull).distinct().toList());
        Map<String, CaseView> byCase = new HashMap<>();
        views.of(List.copyOf(found.values())).forEach(v -> byCase.put(v.id(), v));
        return page.stream().map(t -> view(t, found.get(t.caseId()), byCase.get(t.caseId()))).toList();
    }

    @Operation(operationId = "claimTask", summary = "Claim a task",
            description = "Assigns the task to the caller. 409 when someone else holds it; 403 when four-eyes forbids the caller.")
    @Refusals({Refusal.FORBIDDEN, Refusal.NOT_YOUR_DUTY, Refusal.FOUR_EYES, Refusal.TASK_NOT_FOUND, Refusal.TASK_CLAIMED})
    @PostMapping("/{taskId}/claim")
    TaskView claim(@PathVariable String taskId, Authentication caller) {
        CaseTask task = visibleTask(taskId, caller);
        if (task.assignee() != null && !task.assignee().equals(caller.getName())) {
            throw claimedBy(task);
        }
        return view(refusalsAsProblems(() -> tasks.claim(taskId, callerOf(caller))));
    }

    @Operation(operationId = "completeTask", summary = "Decide a task",
            description = "Completes a review (APPROVE, REJECT with a reason, REQUEST_INFO with a message, valuationUsd for an unpriced token) or an approval (APPROVE, REJECT). Four-eyes is enforced by the engine: the reviewer cannot approve the refund (403).")
    @Refusals({Refusal.INVALID_REQUEST, Refusal.INVALID_DECISION, Refusal.FORBIDDEN, Refusal.NOT_YOUR_DUTY, Refusal.FOUR_EYES, Refusal.TASK_NOT_FOUND, Refusal.TASK_CLAIMED})
    @PostMapping("/{taskId}/complete")
    CompletedView complete(@PathVariable String taskId, @RequestBody DecisionForm form, Authentication caller) {
        CaseTask task = visibleTask(taskId, caller);
        TaskKind kind = task.kind();
        Map<String, Object> variables = validate(kind, form);
        if (task.assignee() != null && !task.assignee().equals(caller.getName())) {
            throw claimedBy(task);
        }
        if (kind == TaskKind.REVIEW) {
            variables.putAll(conditionVariables(task.caseId(), form));
        }
        refusalsAsProblems(() -> {
            tasks.complete(taskId, callerOf(caller), variables);
            return null;
        });
        return new CompletedView(taskId, task.caseId(), kind, form.decision(), cases.find(task.caseId()).orElseThrow().status().name());
    }

    private Map<String, Object> validate(TaskKind kind, DecisionForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.decision() == null || !kind.decisions().contains(form.decision())) {
            errors.add(new FieldError("decision", "INVALID_DECISION", "For a " + kind + " task decide one of " + kind.decisions() + "."));
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
        variables.put(kind.decisionVariable(), form.decision());
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

    /** What the engine refuses becomes a problem a person can read. */
    private static <T> T refusalsAsProblems(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (TaskRefused refused) {
            throw switch (refused.reason()) {
                case NOT_YOUR_DUTY -> new ApiProblem(HttpStatus.FORBIDDEN, "NOT_YOUR_DUTY", "Not your group's task", refused.getMessage());
                case FOUR_EYES -> new ApiProblem(HttpStatus.FORBIDDEN, "FOUR_EYES", "Not allowed for you", refused.getMessage());
                case INVALID_DECISION -> new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_DECISION", "Decision refused", refused.getMessage());
            };
        }
    }

    /**
     * A task of another group does not exist for the caller: 404, never 403. A task of the caller's group that a
     * colleague claimed is visible (see {@link CaseTasks#visible}), so the caller is told who has it (409).
     */
    private CaseTask visibleTask(String taskId, Authentication caller) {
        return tasks.visible(taskId, callerOf(caller)).orElseThrow(
                () -> new ApiProblem(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND", "No such task", "There is no open task " + taskId + " for you."));
    }

    private static ApiProblem claimedBy(CaseTask task) {
        return new ApiProblem(HttpStatus.CONFLICT, "TASK_CLAIMED", "Task claimed by someone else",
                "This task is being worked on by " + task.assignee() + ".", Map.of("assignee", task.assignee()));
    }

    private TaskView view(CaseTask task) {
        RecoveryCase found = cases.find(task.caseId()).orElse(null);
        return view(task, found, found == null ? null : views.of(found));
    }

    private TaskView view(CaseTask task, RecoveryCase found, CaseView theCase) {
        return new TaskView(task.id(), task.caseId(), task.kind(), task.name(), task.assignee(), task.created(),
                theCase == null ? null : theCase.facts(), theCase, found == null ? List.of() : views.conversation(found).words());
    }

    private static Caller callerOf(Authentication caller) {
        return new Caller(caller.getName(), Groups.of(caller));
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

    /**
     * {@code facts} are the case's verified on-chain facts; {@code case} the whole case as its customer sees it;
     * {@code conversation} the customer's note, the questions asked and the replies, as plain text.
     */
    record TaskView(String id, String caseId, TaskKind kind, String name, String assignee, Instant created,
            CaseView.FactsView facts, @JsonProperty("case") CaseView theCase, List<Conversation.Words> conversation) {
    }

    record CompletedView(String taskId, String caseId, TaskKind kind, String decision, String caseStatus) {
    }
}
