package com.recoverydesk.people;

import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer page's words in the language its {@code Accept-Language} asks for (the page's language switch sets it). */
@RestController
class MessagesController {

    private final CustomerMessages messages;

    MessagesController(CustomerMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/messages")
    PageWords words(Locale language) {
        return new PageWords(language.toLanguageTag(), Languages.SUPPORTED.stream().map(Locale::toLanguageTag).toList(),
                messages.forThePage(language));
    }

    /** {@code language} the one the words are in; {@code languages} all the page may switch to. */
    record PageWords(String language, java.util.List<String> languages, Map<String, String> messages) {
    }
}
