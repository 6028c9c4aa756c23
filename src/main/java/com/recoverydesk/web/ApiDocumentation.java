package com.recoverydesk.web;

import com.recoverydesk.cases.ReasonCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs (browsable at /swagger-ui.html), generated from the controllers, with
 * the errors every endpoint can answer and every reason code a case can be rejected with.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI recoveryDeskApi() {
        String reasons = Arrays.stream(ReasonCode.values())
                .map(r -> "| `" + r.name() + "` | " + r.message() + " |")
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info().title("Recovery Desk API").version("v1").description("""
                        Files and follows recovery cases for deposits sent the wrong way; staff review and approve them.
                        Raw token amounts are strings of digits. Errors are `application/problem+json` with a machine `code`,
                        a `detail` for people and, for bad input, `errors` with one entry per field.

                        Lists that grow (`GET /api/v1/cases`, `/api/v1/tasks`, `/api/v1/desk/cases`) answer a page at a time:
                        `limit` (default 50, at most 200) and `cursor`, the opaque value of the previous page's `X-Next-Cursor`
                        header (also in `Link: <…>; rel="next"`); the last page has neither header.

                        A rejected case carries one of these reason codes:

                        | reasonCode | what the user reads |
                        | --- | --- |
                        """ + reasons))
                .components(new Components().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Adds the problem responses every operation can give, each with an example. */
    @Bean
    OpenApiCustomizer documentedProblems() {
        Map<String, ApiResponse> problems = new LinkedHashMap<>();
        problems.put("400", problem("Bad input: nothing was stored", Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                "detail", "The request has 1 mistake(s); each is named under 'errors'.", "code", "INVALID_REQUEST",
                "errors", List.of(Map.of("field", "txHash", "code", "INVALID_TX_HASH",
                        "message", "A transaction ID is 0x followed by 64 hexadecimal characters.")))));
        problems.put("401", problem("Not signed in", Map.of("status", 401, "code", "UNAUTHENTICATED",
                "detail", "Sign in first: this needs a user name and password.")));
        problems.put("403", problem("Not allowed for this role (or four-eyes)", Map.of("status", 403, "code", "FORBIDDEN",
                "detail", "Your role does not allow this.")));
        problems.put("404", problem("Not found, or not yours", Map.of("status", 404, "code", "NOT_FOUND", "detail", "No case for you.")));
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> problems.forEach((status, response) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, response);
            }
        })));
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().addExamples("example", new Example().value(example))));
    }
}
