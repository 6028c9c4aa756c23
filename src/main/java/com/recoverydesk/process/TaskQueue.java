package com.recoverydesk.process;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseTasks.CaseTask;
import com.recoverydesk.process.CaseTasks.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The staff queue read from the engine a page at a time, oldest first, by keyset on (create time, task id).
 *
 * <p>The engine's task query can order by create time and id, but filter only by create time ({@code
 * taskCreatedAfter} is strictly after, {@code taskCreatedOn} equal). So a page after the key (t, id) is: the tasks
 * created at exactly t with an id above id (a few at most: the same millisecond), then the tasks created after t,
 * ordered by (create time, id), as many as fit. Offsets ({@code listPage(first, max)}) would skip or repeat a task
 * whenever one ahead of the page is completed between two requests, which in a queue is all the time.
 */
@Component
public class TaskQueue {

    private static final Comparator<Task> QUEUE_ORDER = Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId);

    private final TaskService tasks;
    private final RuntimeService runtime;

    TaskQueue(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Up to {@code rows} open tasks of the caller's groups or assigned to them, strictly after (afterAt, afterId). */
    public List<CaseTask> page(Caller caller, Instant afterAt, String afterId, int rows) {
        List<Task> page = new ArrayList<>();
        if (afterAt != null) {
            Date at = Date.from(afterAt);
            visible(caller).taskCreatedOn(at).orderByTaskId().asc().list().stream()
                    .filter(t -> t.getId().compareTo(afterId) > 0)
                    .sorted(QUEUE_ORDER)
                    .limit(rows)
                    .forEach(page::add);
            if (page.size() < rows) {
                page.addAll(visible(caller).taskCreatedAfter(at).orderByTaskCreateTime().asc().orderByTaskId().asc()
                        .listPage(0, rows - page.size()));
            }
        } else {
            page.addAll(visible(caller).orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(0, rows));
        }
        Map<String, String> caseIds = caseIdsOf(page);
        return page.stream().map(t -> new CaseTask(t.getId(), caseIds.get(t.getId()), TaskKind.of(t.getTaskDefinitionKey()), t.getName(),
                t.getAssignee(), t.getCreateTime() == null ? null : t.getCreateTime().toInstant())).toList();
    }

    /**
     * The case id of each task (by task id), for a whole page in one variable query instead of one per task; a task whose
     * process instance does not hold the variable itself (a called process) falls back to the task's own scope lookup.
     */
    private Map<String, String> caseIdsOf(List<Task> page) {
        Map<String, String> byProcess = new HashMap<>();
        if (!page.isEmpty()) {
            runtime.createVariableInstanceQuery()
                    .processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                    .variableName(CaseProcess.CASE_ID).list()
                    .forEach(v -> byProcess.put(v.getProcessInstanceId(), (String) v.getValue()));
        }
        Map<String, String> byTask = new HashMap<>();
        for (Task task : page) {
            String caseId = byProcess.get(task.getProcessInstanceId());
            byTask.put(task.getId(), caseId != null ? caseId : (String) tasks.getVariable(task.getId(), CaseProcess.CASE_ID));
        }
        return byTask;
    }

    private TaskQuery visible(Caller caller) {
        return tasks.createTaskQuery().or().taskCandidateGroupIn(caller.groups()).taskAssignee(caller.user()).endOr().active();
    }
}
