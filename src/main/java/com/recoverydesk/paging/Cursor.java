package com.recoverydesk.paging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of a list ended: the sort key (a time and an id) of its last item. Clients get it as opaque base64url
 * text and hand it back unchanged; the next page starts strictly after this key, so rows written meanwhile neither
 * shift the pages nor appear twice, as an offset would.
 */
public record Cursor(Instant at, String id) {

    private static final int MAX_ID_LENGTH = 64;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidPaging naming {@code field} when the text is not a cursor this API gave out */
    static Cursor decode(String field, String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            String id = bar < 0 ? "" : plain.substring(bar + 1);
            if (bar < 0 || id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c > 32 && c < 127)) {
                throw malformed(field);
            }
            return new Cursor(Instant.parse(plain.substring(0, bar)), id);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw malformed(field);
        }
    }

    private static InvalidPaging malformed(String field) {
        return new InvalidPaging(field, "INVALID_CURSOR",
                "This is not a cursor this API gave out; pass the value of the previous page's X-Next-Cursor unchanged, or none for the first page.");
    }
}
