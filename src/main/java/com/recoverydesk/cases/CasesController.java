package com.recoverydesk.cases;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.recoverydesk.paging.Cursor;
import com.recoverydesk.paging.PageRequest;
import com.recoverydesk.paging.Paging;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A customer's own cases. Someone else's case does not exist for them: 404, never 403. */
@RestController
@Tag(name = "customers")
@RequestMapping("/api/v1/cases")
class CasesController {

    private final CaseStore cases;
    private final CaseViews views;
    private final Paging paging;

    CasesController(CaseStore cases, CaseViews views, Paging paging) {
        this.cases = cases;
        this.views = views;
        this.paging = paging;
    }

    @Operation(operationId = "listMyCases", summary = "List my cases",
            description = "The caller's cases, newest first, each with its status, verified facts, fee, timeline and refund transactions; a page at a time (`limit`, `cursor`; the next page in `X-Next-Cursor` and `Link`).")
    @Refusals(Refusal.INVALID_REQUEST)
    @GetMapping
    ResponseEntity<List<CaseView>> mine(Authentication caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = paging.request(limit, cursor);
        List<RecoveryCase> rows = cases.pageByCustomer(caller.getName(), page.after() == null ? null : page.after().at(),
                page.after() == null ? null : page.after().id(), page.fetch());
        return paging.answer(views.of(rows), page, v -> new Cursor(v.createdAt(), v.id()));
    }

    @Operation(operationId = "getCase", summary = "Get one of my cases",
            description = "One case of the caller: status, reason (`reasonMessage` in the language of Accept-Language), verified facts, fee, timeline and refund transactions. Someone else's case is 404, never 403.")
    @Refusals(Refusal.NOT_FOUND)
    @GetMapping("/{id}")
    CaseView one(@PathVariable String id, Authentication caller) {
        return cases.find(id)
                .filter(c -> CaseAccess.canSee(caller, c))
                .map(views::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id + " for you."));
    }
}
