package com.recoverydesk.intake;

import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.OpenCaseExists;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a customer files a recovery case. */
@RestController
@RequestMapping("/api/v1/cases")
class IntakeController {

    private final CaseFormValidator validator;
    private final Intake intake;
    private final Timeline timeline;

    IntakeController(CaseFormValidator validator, Intake intake, Timeline timeline) {
        this.validator = validator;
        this.intake = intake;
        this.timeline = timeline;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseView> file(@RequestBody CaseForm form, Authentication caller) {
        CaseFormValidator.Result result = validator.validate(caller.getName(), form);
        if (!result.problems().isEmpty()) {
            throw new InvalidCaseForm(result.problems());
        }
        RecoveryCase filed = intake.file(result.filing());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + filed.id()))
                .body(CaseView.of(filed, timeline.of(filed.id())));
    }

    @ExceptionHandler(InvalidCaseForm.class)
    ProblemDetail invalid(InvalidCaseForm e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The form has " + e.problems().size() + " mistake(s); each is named under 'errors'.");
        problem.setTitle("Invalid recovery form");
        problem.setProperty("code", "INVALID_FORM");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(OpenCaseExists.class)
    ProblemDetail duplicate(OpenCaseExists e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "You already have an open case for this transaction. Follow that case instead of filing again.");
        problem.setTitle("Case already open");
        problem.setProperty("code", "CASE_ALREADY_OPEN");
        problem.setProperty("caseId", e.existingCaseId());
        problem.setProperty("case", "/api/v1/cases/" + e.existingCaseId());
        return problem;
    }

    static class InvalidCaseForm extends RuntimeException {

        private final transient List<FieldProblem> problems;

        InvalidCaseForm(List<FieldProblem> problems) {
            super("invalid recovery form");
            this.problems = problems;
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }
}
