package com.recoverydesk.desk;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.cases.CaseViews;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.chain.TxHash;
import com.recoverydesk.process.CaseProcesses;
import com.recoverydesk.process.CaseTasks;
import com.recoverydesk.process.TaskKind;
import com.recoverydesk.paging.Cursor;
import com.recoverydesk.paging.InvalidPaging;
import com.recoverydesk.paging.PageRequest;
import com.recoverydesk.paging.Paging;
import com.recoverydesk.web.ApiProblem;
import com.recoverydesk.web.FieldError;
import com.recoverydesk.web.InvalidRequest;
import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff case desk: find cases, read one with its checks, timeline and links into Tasklist and Cockpit.
 * Read-only: decisions stay in Tasklist and the task API, where four-eyes is enforced.
 */
@RestController
@Tag(name = "staff")
@RequestMapping("/api/v1/desk/cases")
class DeskController {

    private final CaseStore cases;
    private final CaseViews views;
    private final CaseProcesses processes;
    private final CaseTasks tasks;
    private final Paging paging;

    DeskController(CaseStore cases, CaseViews views, CaseProcesses processes, CaseTasks tasks, Paging paging) {
        this.cases = cases;
        this.views = views;
        this.processes = processes;
        this.tasks = tasks;
        this.paging = paging;
    }

    @Operation(operationId = "searchCases", summary = "Search cases on the desk",
            description = "Finds cases by TXID, customer, address, status or chain, newest first, a page at a time (`limit`, `cursor`). A TXID or address that cannot be one is 400.")
    @Refusals({Refusal.INVALID_REQUEST, Refusal.FORBIDDEN})
    @GetMapping
    ResponseEntity<List<CaseSummary>> search(@RequestParam(required = false) String txHash, @RequestParam(required = false) String user,
            @RequestParam(required = false) String address, @RequestParam(required = false) String status,
            @RequestParam(required = false) String chain, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        List<FieldError> problems = new ArrayList<>();
        PageRequest page = null;
        try {
            page = paging.request(limit, cursor);
        } catch (InvalidPaging e) {
            e.parameters().forEach(p -> problems.add(new FieldError(p.name(), p.code(), p.message())));
        }
        if (trimmed(txHash) != null && !TxHash.isWellFormed(trimmed(txHash))) {
            problems.add(new FieldError("txHash", "INVALID_TX_HASH", "A transaction ID is 0x followed by 64 hexadecimal characters."));
        }
        if (trimmed(address) != null && !EvmAddress.isWellFormed(trimmed(address))) {
            problems.add(new FieldError("address", "INVALID_ADDRESS", "An address is 0x followed by 40 hexadecimal characters."));
        }
        CaseStatus wanted = null;
        if (blank(status) != null) {
            try {
                wanted = CaseStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("status", "UNKNOWN_STATUS", "Choose one of " + List.of(CaseStatus.values()) + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        String storedAddress = trimmed(address) == null ? null : EvmAddress.checksummed(trimmed(address));
        List<CaseSummary> rows = cases.search(trimmed(txHash), trimmed(user), storedAddress, wanted, trimmed(chain),
                page.after() == null ? null : page.after().at(), page.after() == null ? null : page.after().id(), page.fetch())
                .stream().map(CaseSummary::of).toList();
        return paging.answer(rows, page, c -> new Cursor(c.createdAt(), c.id()));
    }

    @Operation(operationId = "getDeskCase", summary = "Read a case on the desk",
            description = "One case with its checks, the customer's words, its open tasks with links into Tasklist and its process instances in Cockpit.")
    @Refusals({Refusal.FORBIDDEN, Refusal.CASE_NOT_FOUND})
    @GetMapping("/{id}")
    DeskCase one(@PathVariable String id) {
        RecoveryCase c = cases.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "No such case", "There is no case " + id + "."));
        CaseView view = views.of(c);
        List<OpenTask> open = tasks.ofCase(id).stream()
                .map(t -> new OpenTask(t.id(), t.name(), t.kind(), t.assignee(), "/camunda/app/tasklist/default/#/?task=" + t.id()))
                .toList();
        return new DeskCase(c.customerId(), view, checks(view), open,
                processes.instanceIds(id).stream().map(p -> "/camunda/app/cockpit/default/#/process-instance/" + p).toList(), views.conversation(c).words());
    }

    /** What the workflow checked, passed and failed, in the order it checked them. */
    private static List<Check> checks(CaseView view) {
        List<Check> checks = new ArrayList<>();
        for (CaseView.TimelineView entry : view.timeline()) {
            switch (entry.event()) {
                case "DEPOSIT_CONFIRMED" -> checks.add(new Check("Deposit on chain, to a deposit address of the customer", true, entry.message()));
                case "TOKEN_ASSESSED" -> checks.add(new Check("Token behaves as an ERC-20 and can be moved", true, entry.message()));
                case "FEE_QUOTED" -> checks.add(new Check("Deposit covers the fee", true, entry.message()));
                case "QUEUED_FOR_REVIEW" -> checks.add(new Check("Eligible under chains.yml", true, entry.message()));
                default -> {
                    if (entry.reasonCode() != null && entry.status() == CaseStatus.REJECTED) {
                        checks.add(new Check(entry.reasonCode().name(), false, entry.message()));
                    }
                }
            }
        }
        return checks;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    record CaseSummary(String id, String customerId, String type, CaseStatus status, String chain, String txHash, String depositAddress,
            Instant createdAt) {

        static CaseSummary of(RecoveryCase c) {
            return new CaseSummary(c.id(), c.customerId(), c.type().name(), c.status(), c.chain(), c.txHash(), c.depositAddress(), c.createdAt());
        }
    }

    record Check(String rule, boolean passed, String detail) {
    }

    record OpenTask(String id, String name, TaskKind kind, String assignee, String tasklistLink) {
    }

    record DeskCase(String customerId, @com.fasterxml.jackson.annotation.JsonProperty("case") CaseView theCase, List<Check> checks, List<OpenTask> tasks, List<String> cockpitLinks,
            List<com.recoverydesk.cases.Conversation.Words> conversation) {
    }
}
