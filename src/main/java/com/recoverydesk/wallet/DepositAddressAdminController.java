package com.recoverydesk.wallet;

import com.recoverydesk.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.recoverydesk.web.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange's deposit system (group {@code deposit-system}) and operators load who holds which deposit
 * address: a streamed NDJSON import of any size, and an upsert of one address when the exchange issues it.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "operators")
class DepositAddressAdminController {

    static final String NDJSON = "application/x-ndjson";

    private final DepositAddressImport importer;
    private final RegistrationRules rules;
    private final DepositAddressDirectory directory;
    private final DepositAddressImportProperties settings;

    DepositAddressAdminController(DepositAddressImport importer, RegistrationRules rules, DepositAddressDirectory directory,
            DepositAddressImportProperties settings) {
        this.importer = importer;
        this.rules = rules;
        this.directory = directory;
        this.settings = settings;
    }

    /** Answers 200 with one NDJSON result per line and a summary line, streamed as the lines are stored. */
    @Operation(operationId = "importDepositAddresses", summary = "Import who holds which deposit address (NDJSON stream, a result per line)",
            description = "The exchange's deposit system (group `deposit-system`) or an operator streams one line per address; idempotent. Each line is stored whole or refused whole; the answer streams a result per line and a summary.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, description = "One {\"userId\", \"address\", \"chains\", \"accountIndex\"?} per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))),
            responses = @ApiResponse(responseCode = "200", description = "One {line, address, result, code?, message?} per line, then {summary}",
                    content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    @com.recoverydesk.web.Refusals({com.recoverydesk.web.Refusal.INVALID_REQUEST, com.recoverydesk.web.Refusal.FORBIDDEN})
    @PostMapping(path = "/api/v1/admin/deposit-addresses", consumes = NDJSON)
    void importAll(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long max = settings.importMaxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw InvalidRequest.of("body", "BODY_TOO_LARGE", "Send at most " + max
                    + " bytes per import (recovery.deposit-addresses.import-max-size), or split the file.");
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        importer.run(request.getInputStream(), response.getOutputStream());
    }

    /** 201 when the address is new, 200 when it was known (chains or its account index added, or nothing to do). */
    @Operation(operationId = "upsertDepositAddress", summary = "Issue or extend one deposit address",
            description = "The deposit system calls it when it issues an address: who holds it, for which chains, and (for the local signer) its HD account index. 201 when new, 200 when known (`result` UPDATED or UNCHANGED).")
    @com.recoverydesk.web.Refusals(value = {com.recoverydesk.web.Refusal.INVALID_REQUEST, com.recoverydesk.web.Refusal.FORBIDDEN,
            com.recoverydesk.web.Refusal.HELD_BY_ANOTHER_USER}, created = true, orOk = true)
    @PutMapping(path = "/api/v1/admin/deposit-addresses/{address}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddressView> upsert(@PathVariable String address, @RequestBody UpsertForm form) {
        RegistrationRules.Checked checked = rules.check(form.userId(), address, form.chains(), form.accountIndex());
        Refusal.Refused refused = checked.refused();
        RegistrationOutcome outcome = refused == null ? directory.register(checked.registration()) : null;
        if (outcome != null) {
            refused = outcome.refused();
        }
        if (refused != null) {
            if (refused.reason().status() == HttpStatus.BAD_REQUEST) {
                throw InvalidRequest.of(refused.reason().field(), refused.reason().name(), refused.message());
            }
            throw new ApiProblem(refused.reason().status(), refused.reason().name(), "Deposit address not stored", refused.message(),
                    Map.of("field", refused.reason().field()));
        }
        DepositAddress stored = directory.owner(checked.registration().address()).orElseThrow();
        AddressView view = new AddressView(stored.address(), stored.userId(), stored.chains(), stored.accountIndex(), outcome.result().name());
        return outcome.result() == Registered.ADDED
                ? ResponseEntity.created(URI.create("/api/v1/admin/deposit-addresses/" + stored.address())).body(view)
                : ResponseEntity.ok(view);
    }

    record UpsertForm(String userId, List<String> chains, Integer accountIndex) {
    }

    record AddressView(String address, String userId, Set<String> chains, Integer accountIndex, String result) {
    }
}
