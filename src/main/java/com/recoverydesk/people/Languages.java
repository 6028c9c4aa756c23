package com.recoverydesk.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages customers are written to in: English, Simplified Chinese and Spanish, with a message bundle each
 * ({@code messages.properties}, {@code messages_zh_CN.properties}, {@code messages_es.properties}). Also the web
 * layer's {@link LocaleResolver}: a request's {@code Accept-Language} picks the first language we write, by
 * priority; any Chinese reads Simplified Chinese, any Spanish Spanish; nothing we write falls back to English.
 */
public final class Languages implements LocaleResolver {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE, SPANISH);

    /** The language to write in for an {@code Accept-Language} header (or a stored tag); English when none fits. */
    public static Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0 || range.getRange().equals("*")) {
                continue;
            }
            String language = Locale.forLanguageTag(range.getRange()).getLanguage();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(language)) {
                    return supported;
                }
            }
        }
        return ENGLISH;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request.getHeader("Accept-Language"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language comes from Accept-Language; the page sends the one the customer chose.");
    }
}
