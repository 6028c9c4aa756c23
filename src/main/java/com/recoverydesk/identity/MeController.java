package com.recoverydesk.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, for pages that adapt to the role. */
@RestController
class MeController {

    @GetMapping("/api/v1/me")
    Me me(Authentication caller) {
        return new Me(caller.getName(), Groups.of(caller).stream().sorted().toList());
    }

    record Me(String userId, List<String> groups) {
    }
}
