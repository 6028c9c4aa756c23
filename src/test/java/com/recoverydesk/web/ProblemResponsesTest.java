package com.recoverydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error the API gives is problem+json with a machine code and a sentence; bad input names each field. */
class ProblemResponsesTest extends IntegrationTest {

    private static final String IMPORT = "/api/v1/admin/credited-deposits";

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
    }

    @Test
    void answersMalformedJsonWith400NamingTheBody() {
        Api.Answer answer = api.postRaw("admin", IMPORT, "application/json", "{\"deposits\": [");

        assertInvalid(answer, "body", "MALFORMED_JSON");
    }

    @Test
    void answersAnUnknownFieldWith400NamingIt() {
        Api.Answer answer = api.postRaw("admin", IMPORT, "application/json", "{\"deposits\": [], \"dryRun\": true}");

        assertInvalid(answer, "dryRun", "UNKNOWN_FIELD");
    }

    @Test
    void answersTheWrongContentTypeWith400() {
        Api.Answer answer = api.postRaw("admin", IMPORT, "text/plain", "deposits");

        assertInvalid(answer, "Content-Type", "UNSUPPORTED_CONTENT_TYPE");
    }

    @Test
    void answersAValueOfTheWrongTypeWith400NamingTheField() {
        Api.Answer answer = api.postRaw("admin", IMPORT, "application/json", "{\"deposits\": {\"chain\": \"bsc\"}}");

        assertInvalid(answer, "deposits", "WRONG_TYPE");
    }

    @Test
    void refusesABodyOverTheLimitByItsDeclaredLength() {
        String huge = "{\"message\": \"" + "x".repeat((int) RequestSizeLimit.LIMIT) + "\"}";

        Api.Answer answer = api.postRaw("alice", "/api/v1/cases", "application/json", huge);

        assertInvalid(answer, "body", "BODY_TOO_LARGE");
    }

    @Test
    void cutsOffABodyOverTheLimitThatDeclaresNoLength() throws Exception {
        String huge = "{\"deposits\": [{\"chain\": \"" + "x".repeat((int) RequestSizeLimit.BULK_IMPORT_LIMIT) + "\"}]}";
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUrl() + IMPORT))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode body = json(response.body());
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void answersAnUnknownApiAddressWith404ProblemJson() {
        Api.Answer answer = api.get("alice", "/api/v1/no-such-thing");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(answer.body().get("detail").asText()).isNotBlank();
    }

    @Test
    void answersAWrongMethodWith405ProblemJson() {
        Api.Answer answer = api.post("alice", "/api/v1/me/deposit-addresses", java.util.Map.of());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private static void assertInvalid(Api.Answer answer, String field, String code) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.body().get("detail").asText()).isNotBlank();
        assertThat(answer.body().get("errors")).hasSize(1);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(answer.body().get("errors").get(0).get("code").asText()).isEqualTo(code);
        assertThat(answer.body().get("errors").get(0).get("message").asText()).isNotBlank();
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
