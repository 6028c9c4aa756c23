package com.recoverydesk.review;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.process.CaseProcesses;
import com.recoverydesk.web.ApiProblem;
import com.recoverydesk.web.FieldError;
import com.recoverydesk.web.InvalidRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The user answers a specialist's question; the case goes back to review. */
@RestController
@Tag(name = "customers")
class CaseRepliesController {

    static final int MAX_REPLY = 2000;

    private final CaseStore cases;
    private final Timeline timeline;
    private final CaseProcesses processes;
    private final CaseViews views;

    CaseRepliesController(CaseStore cases, Timeline timeline, CaseProcesses processes, CaseViews views) {
        this.cases = cases;
        this.timeline = timeline;
        this.processes = processes;
        this.views = views;
    }

    @Operation(operationId = "replyToCase", summary = "Answer a question about my case",
            description = "Sends the caller's answer to the appeals specialist's question; the case goes back to review. 409 when the case is not waiting for an answer.")
    @Refusals({Refusal.INVALID_REQUEST, Refusal.CASE_NOT_FOUND, Refusal.NO_QUESTION_OPEN})
    @PostMapping(path = "/api/v1/cases/{id}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    CaseView reply(@PathVariable String id, @RequestBody ReplyForm form, Authentication caller) {
        RecoveryCase c = cases.find(id).filter(found -> found.customerId().equals(caller.getName()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "No such case", "There is no case " + id + " for you."));
        if (form.message() == null || form.message().isBlank() || form.message().length() > MAX_REPLY) {
            throw new InvalidRequest(List.of(new FieldError("message", form.message() == null || form.message().isBlank() ? "REQUIRED" : "TOO_LONG",
                    "Write your answer, at most " + MAX_REPLY + " characters.")));
        }
        if (c.status() != CaseStatus.INFO_REQUESTED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "NO_QUESTION_OPEN", "Nothing to answer",
                    "This case is not waiting for your answer (it is " + c.status() + ").");
        }
        timeline.note(id, caller.getName(), "USER_REPLIED", c.status(), form.message().trim());
        processes.correlateReply(id);
        return views.of(cases.find(id).orElseThrow());
    }

    record ReplyForm(String message) {
    }
}
