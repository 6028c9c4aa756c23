package com.recoverydesk.cases;

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

    /** The caller's cases, the newest first, a page at a time (see {@link Paging}). */
    @GetMapping
    ResponseEntity<List<CaseView>> mine(Authentication caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = paging.request(limit, cursor);
        List<RecoveryCase> rows = cases.pageByCustomer(caller.getName(), page.after() == null ? null : page.after().at(),
                page.after() == null ? null : page.after().id(), page.fetch());
        return paging.answer(views.of(rows), page, v -> new Cursor(v.createdAt(), v.id()));
    }

    @GetMapping("/{id}")
    CaseView one(@PathVariable String id, Authentication caller) {
        return cases.find(id)
                .filter(c -> CaseAccess.canSee(caller, c))
                .map(views::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id + " for you."));
    }
}
