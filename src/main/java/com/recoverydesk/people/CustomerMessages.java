package com.recoverydesk.people;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Sentences for customers, from the message bundles in the customer's language ({@link Languages}). The one way
 * features write to customers: a key and its arguments, never an English sentence built in code.
 */
@Component
public class CustomerMessages {

    /** The English bundle names every key; the other bundles have the same keys (people.MessageBundlesTest). */
    static final String BUNDLE = "messages.properties";

    private final MessageSource messages;
    private final java.util.Set<String> pageKeys;

    CustomerMessages(MessageSource messages) {
        this.messages = messages;
        this.pageKeys = keys().stream().filter(key -> key.startsWith("page.") || key.startsWith("status."))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The sentence {@code key} in {@code language}; arguments are text already written for people (amounts via {@link TokenAmount}). */
    public String text(String key, Locale language, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, Languages.resolve(language.toLanguageTag()));
    }

    /** The sentence {@code key} in {@code language}, or {@code fallback} when the bundles have no such key. */
    public String textOr(String key, String fallback, Locale language, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, fallback, Languages.resolve(language.toLanguageTag()));
    }

    /**
     * Why a case was refused, in {@code language}: the reason code's sentence, then the detail as it was written
     * (a specialist's own words stay in the language they were written in).
     */
    public String reason(String reasonCode, String detail, Locale language) {
        String sentence = text("reason." + reasonCode, language);
        return detail == null || detail.isBlank() ? sentence : sentence + " " + detail;
    }

    /** The customer page's words ({@code page.*}, {@code status.*}) in {@code language}, unformatted: the page fills in {0}, {1}. */
    public Map<String, String> forThePage(Locale language) {
        Map<String, String> words = new TreeMap<>();
        for (String key : pageKeys) {
            words.put(key, messages.getMessage(key, null, Languages.resolve(language.toLanguageTag())));
        }
        return words;
    }

    static java.util.Set<String> keys() {
        Properties english = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource(BUNDLE).getInputStream(), StandardCharsets.UTF_8)) {
            english.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return english.stringPropertyNames();
    }
}
