package com.recoverydesk.people;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer page's words in the language its {@code Accept-Language} asks for (the page's language switch sets it). */
@RestController
@Tag(name = "customers")
class MessagesController {

    private final CustomerMessages messages;

    MessagesController(CustomerMessages messages) {
        this.messages = messages;
    }

    @Operation(operationId = "getPageMessages", summary = "The customer page's words in my language",
            description = "The sentences of the customer page (`page.*`) and the statuses (`status.*`) in the language of Accept-Language, with {0}, {1} left for the page to fill in.")
    @GetMapping("/api/v1/messages")
    PageWords words(Locale language) {
        return new PageWords(language.toLanguageTag(), Languages.SUPPORTED.stream().map(Locale::toLanguageTag).toList(),
                messages.forThePage(language));
    }

    /** {@code language} the one the words are in; {@code languages} all the page may switch to. */
    record PageWords(String language, java.util.List<String> languages, Map<String, String> messages) {
    }
}
