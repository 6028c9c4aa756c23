package com.recoverydesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.cases.ReasonCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI description at /v3/api-docs (browsable at /swagger-ui.html), for engineers who generate a client from
 * it: operation ids, summaries and tags by audience come from each controller's {@code @Operation}/{@code @Tag};
 * the problems each operation really answers from its {@link Refusals}; an example of each request and response
 * from {@code openapi/examples/<operationId>.json}; the server from {@code recovery.api.server-url}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String CUSTOMERS = "customers";
    static final String STAFF = "staff";
    static final String OPERATORS = "operators";
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    OpenAPI recoveryDeskApi(@Value("${recovery.api.server-url:http://localhost:8080}") String serverUrl) {
        String reasons = Arrays.stream(ReasonCode.values())
                .map(r -> "| `" + r.name() + "` | " + r.message() + " |")
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info().title("Recovery Desk API").version("v1")
                        .license(new License().name("Proprietary: the exchange that runs Recovery Desk").url(serverUrl + "/"))
                        .description("""
                        Files and follows recovery cases for deposits sent the wrong way; staff review and approve them.
                        Raw token amounts are strings of digits; sentences for people (`message`, `reasonMessage`) give
                        amounts in tokens and come in the language of `Accept-Language` (English, Simplified Chinese, Spanish).
                        Errors are `application/problem+json` with a machine `code`, a `detail` for people and, for bad
                        input, `errors` with one entry per field.

                        Lists that grow (`GET /api/v1/cases`, `/api/v1/tasks`, `/api/v1/desk/cases`) answer a page at a time:
                        `limit` (default 50, at most 200) and `cursor`, the opaque value of the previous page's `X-Next-Cursor`
                        header (also in `Link: <…>; rel="next"`); the last page has neither header.

                        A rejected case carries one of these reason codes (the same in every language):

                        | reasonCode | what the user reads (English) |
                        | --- | --- |
                        """ + reasons))
                .servers(List.of(new Server().url(serverUrl).description("Recovery Desk (recovery.api.server-url)")))
                .tags(List.of(
                        new Tag().name(CUSTOMERS).description("The exchange's users: file cases, follow them, answer questions."),
                        new Tag().name(STAFF).description("Appeals specialists and the wallet team: the work queue and the case desk."),
                        new Tag().name(OPERATORS).description("Operators and the exchange's systems: imports.")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The demo and development: the demo users' names and password."))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("Production (profile `prod`): a JWT from the exchange's identity provider; the user id is a configured claim."))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Each operation's real answers: its success, its {@link Refusals}, 401 unless public, and an example of each. */
    @Bean
    OperationCustomizer documentedAnswers() {
        return (operation, handler) -> {
            Refusals refusals = handler.getMethodAnnotation(Refusals.class);
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            ApiResponses answers = new ApiResponses();
            ApiResponse success = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (success != null) {
                boolean created = refusals != null && refusals.created();
                answers.addApiResponse(created ? "201" : "200", success.description(created ? "Created; `Location` names the new resource." : "OK"));
                if (created && refusals.orOk()) {
                    answers.addApiResponse("200", new ApiResponse().description("Already known; updated or unchanged as `result` says.")
                            .content(success.getContent()));
                }
            }
            Map<Integer, List<Refusal>> byStatus = new TreeMap<>();
            if (!open) {
                byStatus.computeIfAbsent(401, s -> new java.util.ArrayList<>()).add(Refusal.UNAUTHENTICATED);
            }
            if (refusals != null) {
                for (Refusal r : refusals.value()) {
                    byStatus.computeIfAbsent(r.status, s -> new java.util.ArrayList<>()).add(r);
                }
            }
            byStatus.forEach((status, problems) -> answers.addApiResponse(String.valueOf(status), problems(problems)));
            operation.setResponses(answers);
            addExamples(operation);
            return operation;
        };
    }

    private static ApiResponse problems(List<Refusal> problems) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        for (Refusal r : problems) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "about:blank");
            example.put("title", r.title);
            example.put("status", r.status);
            example.put("detail", r.detail);
            example.put("code", r.name());
            example.putAll(r.properties);
            media.addExamples(r.name(), new io.swagger.v3.oas.models.examples.Example().summary(r.title).value(example));
        }
        String codes = problems.stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining(", "));
        return new ApiResponse().description(problems.get(0).title + (problems.size() > 1 ? " and others" : "") + ": problem `code` " + codes)
                .content(new Content().addMediaType(PROBLEM, media));
    }

    /** The examples of {@code openapi/examples/<operationId>.json}: {@code request}, and one per success status. */
    private static void addExamples(Operation operation) {
        ClassPathResource file = new ClassPathResource("openapi/examples/" + operation.getOperationId() + ".json");
        if (!file.exists()) {
            return;
        }
        JsonNode examples;
        try (InputStream in = file.getInputStream()) {
            examples = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null && examples.has("request")) {
            operation.getRequestBody().getContent().values().forEach(m -> m.setExample(examples.get("request")));
        }
        operation.getResponses().forEach((status, response) -> {
            if (examples.has(status) && response.getContent() != null) {
                response.getContent().values().forEach(m -> m.setExample(examples.get(status)));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new Schema<>().type("string").description("A URI naming the kind of problem; `about:blank` for plain HTTP meanings."));
        properties.put("title", new Schema<>().type("string").description("A short summary for people."));
        properties.put("status", new Schema<>().type("integer").description("The HTTP status."));
        properties.put("detail", new Schema<>().type("string").description("What went wrong, for people."));
        properties.put("code", new Schema<>().type("string").description("The machine code: what clients branch on."));
        properties.put("errors", new Schema<>().type("array").description("For bad input: one entry per field.")
                .items(new Schema<>().type("object").addProperty("field", new Schema<>().type("string"))
                        .addProperty("code", new Schema<>().type("string")).addProperty("message", new Schema<>().type("string"))));
        return new Schema<>().type("object").description("RFC 9457 problem details, with the machine `code`.").properties(properties)
                .additionalProperties(Boolean.TRUE);
    }
}
