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
            assertThat(paths.get(path).get(method).get("summary").asText()).as("summary of " + path).isNotBlank();
            assertThat(paths.get(path).get(method).get("description").asText()).as("description of " + path).isNotBlank();
        });
        assertThat(paths.get("/api/v1/cases").has("get")).isTrue();
        assertThat(operationIds(paths)).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"))
                .contains("fileCase", "getCase", "listMyCases", "replyToCase", "cancelCase", "quoteFee", "listChains", "listTasks",
                        "claimTask", "completeTask", "importCreditedDeposits");
        // each operation lists the statuses it really answers with
        assertThat(fieldNames(paths.get("/api/v1/cases").get("post").get("responses"))).containsExactly("201", "400", "401", "409");
        assertThat(paths.get("/api/v1/cases").get("post").get("responses").get("409").get("content").get("application/problem+json")
                .get("examples").has("CASE_ALREADY_OPEN")).isTrue();
        assertThat(fieldNames(paths.get("/api/v1/chains").get("get").get("responses"))).containsExactly("200");
        assertThat(paths.get("/api/v1/chains").get("get").get("security")).isEmpty();
        assertThat(fieldNames(paths.get("/api/v1/cases/{id}").get("get").get("responses"))).containsExactly("200", "401", "404");
        assertThat(fieldNames(paths.get("/api/v1/tasks/{taskId}/complete").get("post").get("responses")))
                .containsExactly("200", "400", "401", "403", "404", "409");
        assertThat(paths.get("/api/v1/cases").get("post").get("tags")).extracting(JsonNode::asText).containsExactly("customers");
        assertThat(paths.get("/api/v1/tasks").get("get").get("tags")).extracting(JsonNode::asText).containsExactly("staff");
        assertThat(paths.get("/api/v1/admin/credited-deposits").get("post").get("tags")).extracting(JsonNode::asText).containsExactly("operators");
        assertThat(fieldNames(docs.get("components").get("securitySchemes"))).containsExactly("basic", "bearer");
        assertThat(docs.get("servers").get(0).get("url").asText()).isEqualTo("http://localhost:8080");
        // an example of every request and every response, for engineers testing a generated client
        paths.forEach(item -> item.forEach(operation -> {
            String id = operation.get("operationId").asText();
            if (operation.has("requestBody")) {
                operation.get("requestBody").get("content").forEach(media -> assertThat(hasExample(media)).as("request example of " + id).isTrue());
            }
            operation.get("responses").fields().forEachRemaining(answer -> answer.getValue().path("content")
                    .forEach(media -> assertThat(hasExample(media)).as(answer.getKey() + " example of " + id).isTrue()));
        }));
        String description = docs.get("info").get("description").asText();
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(description).contains(code.name());
        }
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || (media.has("examples") && media.get("examples").size() > 0);
    }

    private static java.util.List<String> operationIds(JsonNode paths) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        paths.forEach(item -> item.forEach(operation -> ids.add(operation.get("operationId").asText())));
        return ids;
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
