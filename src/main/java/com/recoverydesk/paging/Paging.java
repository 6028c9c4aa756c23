package com.recoverydesk.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keyset paging for every list that grows. The body stays a JSON array, as it was before lists were paged; the next
 * page is announced in the headers {@code Link: <…>; rel="next"} (RFC 8288) and {@code X-Next-Cursor}, and the last
 * page has neither. See docs/operations.md, "Paging".
 */
@Component
public class Paging {

    public static final String NEXT_CURSOR = "X-Next-Cursor";

    private final PagingSettings settings;

    Paging(PagingSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads the paging parameters of a request.
     *
     * @throws InvalidPaging naming {@code limit} or {@code cursor} (both when both are bad)
     */
    public PageRequest request(Integer limit, String cursor) {
        List<InvalidPaging.Parameter> bad = new ArrayList<>();
        if (limit != null && (limit < 1 || limit > settings.maxLimit())) {
            bad.add(new InvalidPaging.Parameter("limit", "INVALID_LIMIT", "Ask for 1 to " + settings.maxLimit() + " items per page."));
        }
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Cursor.decode("cursor", cursor);
            } catch (InvalidPaging badCursor) {
                bad.addAll(badCursor.parameters());
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidPaging(bad);
        }
        return new PageRequest(limit == null ? settings.defaultLimit() : limit, after);
    }

    /**
     * Answers one page from the rows a store fetched for {@code page} (up to {@link PageRequest#fetch()} of them, in
     * the list's order): the first {@code limit} as the body, and the next page's link when there were more.
     */
    public <T> ResponseEntity<List<T>> answer(List<T> fetched, PageRequest page, Function<T, Cursor> keyOf) {
        if (fetched.size() <= page.limit()) {
            return ResponseEntity.ok(fetched);
        }
        List<T> items = fetched.subList(0, page.limit());
        String next = keyOf.apply(items.get(items.size() - 1)).encode();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + nextLink(next) + ">; rel=\"next\"")
                .header(NEXT_CURSOR, next)
                .body(List.copyOf(items));
    }

    /** The same request with the next cursor, as a relative reference, so it holds behind any proxy. */
    private static String nextLink(String cursor) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                query.queryParam(name, (Object[]) values);
            }
        });
        return request.getRequestURI() + "?" + query.queryParam("cursor", cursor).encode().build().getQuery();
    }
}
