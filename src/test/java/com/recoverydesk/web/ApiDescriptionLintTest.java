package com.recoverydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The API description as an exchange's engineer checks it before generating a client: /v3/api-docs through the
 * pinned {@code @redocly/cli lint} (package.json) with Redocly's recommended rules (redocly.yaml). Zero errors.
 */
class ApiDescriptionLintTest extends IntegrationTest {

    @Test
    void theDescriptionPassesRedoclysRecommendedRulesWithoutErrors() throws Exception {
        Api.Answer docs = new Api(baseUrl()).get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Path description = Path.of("target", "openapi", "api-docs.json");
        Files.createDirectories(description.getParent());
        Files.writeString(description, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(docs.body()), StandardCharsets.UTF_8);
        Path report = Path.of("target", "openapi", "lint.json");

        ProcessBuilder lint = new ProcessBuilder("node", "node_modules/@redocly/cli/bin/cli.js", "lint", description.toString(),
                "--config", "redocly.yaml", "--format", "json").redirectOutput(report.toFile()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process run = lint.start();
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();

        JsonNode result = new ObjectMapper().readTree(report.toFile());
        StringBuilder errors = new StringBuilder();
        for (JsonNode problem : result.get("problems")) {
            if ("error".equals(problem.get("severity").asText())) {
                errors.append(problem.get("ruleId").asText()).append(" at ")
                        .append(problem.get("location").get(0).get("pointer").asText()).append(": ")
                        .append(problem.get("message").asText()).append('\n');
            }
        }
        assertThat(errors.toString()).as("errors of redocly lint (report in " + report + ")").isEmpty();
        assertThat(result.get("totals").get("errors").asInt()).isZero();
        assertThat(run.exitValue()).isZero();
    }
}
