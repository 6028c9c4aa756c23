package com.recoverydesk.intake;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.OpenCaseExists;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.web.ApiProblem;
import com.recoverydesk.web.InvalidRequest;
import com.recoverydesk.people.CustomerLanguages;
import com.recoverydesk.people.Languages;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a customer files a recovery case. */
@RestController
@Tag(name = "customers")
@RequestMapping("/api/v1/cases")
class IntakeController {

    private final CaseFormValidator validator;
    private final Intake intake;
    private final CaseViews views;
    private final CustomerLanguages languages;

    IntakeController(CaseFormValidator validator, Intake intake, CaseViews views, CustomerLanguages languages) {
        this.validator = validator;
        this.intake = intake;
        this.views = views;
        this.languages = languages;
    }

    @Operation(operationId = "fileCase", summary = "File a recovery case",
            description = "Files a case for a deposit sent over the wrong network or of an unlisted token. Answers 201 with the case and its `Location`: already `VERIFYING` (the rules that need no chain ran in the same transaction), or `REJECTED` with its `reasonCode` when one of them refuses it, with the `FILED` entry of status `SUBMITTED` first on its timeline; the chain is read after the answer; 409 when the caller already has an open case for the chain and TXID (the problem names it); 400 with one entry per bad field, and nothing is stored. The request's Accept-Language becomes the language of the e-mails about the case.")
    @Refusals(value = {Refusal.INVALID_REQUEST, Refusal.CASE_ALREADY_OPEN}, created = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseView> file(@RequestBody CaseForm form, Authentication caller, Locale language) {
        CaseFormValidator.Result result = validator.validate(caller.getName(), form);
        if (!result.problems().isEmpty()) {
            throw new InvalidRequest(result.problems());
        }
        // the e-mails about this case, sent later and outside any request, are written in the language it was filed in;
        // remembered before the case exists, since its first step (and a rejection e-mail) may run at once; written only when
        // it changed (a customer we never heard from reads English anyway): a write of its own on every filing cost a commit
        if (!languages.of(caller.getName()).equals(Languages.resolve(language.toLanguageTag()))) {
            languages.remember(caller.getName(), language);
        }
        RecoveryCase filed;
        try {
            filed = intake.file(result.filing());
        } catch (OpenCaseExists e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CASE_ALREADY_OPEN", "Case already open",
                    "You already have an open case for this transaction. Follow that case instead of filing again.",
                    Map.of("caseId", e.existingCaseId(), "case", "/api/v1/cases/" + e.existingCaseId()));
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + filed.id()))
                .body(views.of(filed));
    }
}
