package com.recoverydesk.identity;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, for pages that adapt to the role. */
@RestController
@Tag(name = "customers")
class MeController {

    @Operation(operationId = "getMe", summary = "Who is signed in",
            description = "The caller's user id and groups.")
    @GetMapping("/api/v1/me")
    Me me(Authentication caller) {
        return new Me(caller.getName(), Groups.of(caller).stream().sorted().toList());
    }

    record Me(String userId, List<String> groups) {
    }
}
