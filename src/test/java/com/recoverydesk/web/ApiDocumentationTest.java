package com.recoverydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /v3/api-docs describes every endpoint of the specification, and the errors they answer. */
class ApiDocumentationTest extends IntegrationTest {

    @Test
    void describesEveryEndpointOfTheSpecification() {
        JsonNode docs = new Api(baseUrl()).get(null, "/v3/api-docs").body();
        JsonNode paths = docs.get("paths");

        Map<String, String> endpoints = Map.ofEntries(
                Map.entry("/api/v1/chains", "get"), Map.entry("/api/v1/fees/quote", "get"),
                Map.entry("/api/v1/me/deposit-addresses", "get"), Map.entry("/api/v1/cases", "post"),
                Map.entry("/api/v1/cases/{id}", "get"), Map.entry("/api/v1/cases/{id}/replies", "post"),
                Map.entry("/api/v1/cases/{id}/cancel", "post"), Map.entry("/api/v1/tasks", "get"),
                Map.entry("/api/v1/tasks/{taskId}/claim", "post"), Map.entry("/api/v1/tasks/{taskId}/complete", "post"),
                Map.entry("/api/v1/admin/credited-deposits", "post"), Map.entry("/api/v1/admin/deposit-addresses", "post"),
                Map.entry("/api/v1/admin/deposit-addresses/{address}", "put"));
        endpoints.forEach((path, method) -> {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).has(method)).as(method + " " + path).isTrue();
            assertThat(paths.get(path).get(method).get("responses").has("400")).as("problem responses of " + path).isTrue();
        });
        assertThat(paths.get("/api/v1/cases").has("get")).isTrue();
        String description = docs.get("info").get("description").asText();
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(description).contains(code.name());
        }
    }
}
