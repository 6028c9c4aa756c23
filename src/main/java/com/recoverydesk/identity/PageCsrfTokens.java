package com.recoverydesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * CSRF tokens for the pages. The token travels in a cookie the pages' script reads ({@value #COOKIE}) and comes
 * back in a header ({@value #HEADER}); a form on another site can send the session cookie but can read neither.
 * The names are our own because Camunda's webapps keep their own token in {@code XSRF-TOKEN} on the same path.
 */
final class PageCsrfTokens implements CsrfTokenRequestHandler {

    static final String COOKIE = "RECOVERY-CSRF";
    static final String HEADER = "X-RECOVERY-CSRF";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * What the session cookie alone authenticates: a change without credentials of its own that comes with a
     * session, and the sign-in form (so no other site can sign a browser in as someone else). A Basic or Bearer
     * client sends an Authorization header, which a cross-site form cannot; a call with neither a session nor
     * credentials is anonymous and is answered 401 by the URL rules.
     */
    static final RequestMatcher COOKIE_AUTHENTICATED_CHANGES = request -> !SAFE.contains(request.getMethod())
            && request.getHeader("Authorization") == null
            && (request.getRequestedSessionId() != null || "/login".equals(request.getServletPath()));

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    static CookieCsrfTokenRepository repository() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(COOKIE);
        tokens.setHeaderName(HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /**
     * Rendered pages (the login form) get the masked token; the token is loaded on every request from a browser so its
     * cookie is always there for the pages' script. A client that sends its own credentials (Basic, Bearer) is never
     * asked for the token and would only collect a new cookie on every call, so it gets none.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
        if (request.getHeader("Authorization") == null) {
            token.get();
        }
    }

    /** The pages' script sends the cookie's raw value in the header; the login form sends the masked one as a parameter. */
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return StringUtils.hasText(request.getHeader(token.getHeaderName())) ? plain.resolveCsrfTokenValue(request, token)
                : masked.resolveCsrfTokenValue(request, token);
    }
}
