package com.recoverydesk.retention;

import com.recoverydesk.web.InvalidRequest;
import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/cases/export}: finished cases with their timelines, for the archive before the purge deletes
 * them (operators only, like every {@code /api/v1/admin} path). Written to the response as they are read from the
 * database, so a million cases take a connection and a buffer, not a million objects in memory.
 */
@RestController
@Tag(name = "operators")
class CaseExportController {

    private final CaseExport export;
    private final RetentionPurge purge;
    private final Clock clock;

    CaseExportController(CaseExport export, RetentionPurge purge, Clock clock) {
        this.export = export;
        this.purge = purge;
        this.clock = clock;
    }

    /**
     * @param format {@code ndjson} (the default: one case per line, its timeline inside) or {@code csv} (one line per
     *     timeline entry, the case's columns repeated)
     * @param closedBefore a date ({@code 2021-01-01}, midnight UTC) or an instant; cases that finished before it. Without
     *     it, the cases the next purge would delete.
     */
    @Operation(operationId = "exportFinishedCases", summary = "Export finished cases with their timelines",
            description = "Streams the cases that finished before `closedBefore` (without it: what the next retention purge deletes), oldest first: NDJSON, one case per line with its timeline, or CSV, one line per timeline entry. Operators only.",
            responses = @ApiResponse(responseCode = "200", description = "The cases, streamed",
                    content = {@Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    @Refusals({Refusal.INVALID_REQUEST, Refusal.FORBIDDEN})
    @GetMapping("/api/v1/admin/cases/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String closedBefore,
            HttpServletResponse response) throws IOException {
        CaseExport.Format chosen = formatOf(format);
        Instant before = closedBefore == null || closedBefore.isBlank() ? purge.cutoff() : instantOf(closedBefore.trim());
        response.setContentType(chosen.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases-closed-before-"
                + before.atOffset(ZoneOffset.UTC).toLocalDate() + "." + chosen.extension + "\"");
        response.setHeader("X-Exported-At", clock.instant().toString());
        export.write(chosen, before, response.getOutputStream());
    }

    private static CaseExport.Format formatOf(String format) {
        if (format == null || format.isBlank()) {
            return CaseExport.Format.NDJSON;
        }
        try {
            return CaseExport.Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("format", "UNKNOWN_FORMAT", "Choose ndjson or csv.");
        }
    }

    private static Instant instantOf(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("closedBefore", "INVALID_DATE", "A date such as 2021-01-01 or an instant such as 2021-01-01T00:00:00Z.");
        }
    }
}
