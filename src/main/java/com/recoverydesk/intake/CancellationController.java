package com.recoverydesk.intake;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.process.CaseProcesses;
import com.recoverydesk.web.ApiProblem;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user withdraws a case that has not reached the wallet team: the case closes as CANCELLED and its
 * process ends, in one transaction. Once approval has begun, only the wallet team can stop it.
 */
@RestController
@Tag(name = "customers")
class CancellationController {

    private static final Set<CaseStatus> CANCELLABLE = EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.VERIFYING, CaseStatus.IN_REVIEW,
            CaseStatus.INFO_REQUESTED);

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final CaseViews views;
    private final CaseProcesses processes;

    CancellationController(CaseStore cases, CaseTransitions transitions, CaseViews views, CaseProcesses processes) {
        this.cases = cases;
        this.transitions = transitions;
        this.views = views;
        this.processes = processes;
    }

    @Operation(operationId = "cancelCase", summary = "Withdraw my case",
            description = "Closes the case as CANCELLED, until the wallet team takes it up; 409 after that.")
    @Refusals({Refusal.CASE_NOT_FOUND, Refusal.CANNOT_CANCEL})
    @PostMapping("/api/v1/cases/{id}/cancel")
    @Transactional
    CaseView cancel(@PathVariable String id, Authentication caller) {
        RecoveryCase c = cases.find(id).filter(found -> found.customerId().equals(caller.getName()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "No such case", "There is no case " + id + " for you."));
        if (!CANCELLABLE.contains(c.status())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CANNOT_CANCEL", "Too late to withdraw",
                    "A case can be withdrawn until the wallet team takes it up; this one is " + c.status() + ".");
        }
        processes.cancel(id, "cancelled by " + caller.getName());
        transitions.close(id, CaseStatus.CANCELLED, ReasonCode.CANCELLED_BY_USER, caller.getName(), "CANCELLED", null);
        return views.of(cases.find(id).orElseThrow());
    }
}
