package com.recoverydesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session without the browser: signs in on the login page and keeps the cookies, so a test can call
 * what pages and Tasklist call, with the session cookie as the only credential.
 */
public final class BrowserSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private List<String> signInCookies = List.of();

    private BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Signs {@code user} in with the demo password through the login form, as a person does. */
    public static BrowserSession signIn(String baseUrl, String user) {
        BrowserSession session = new BrowserSession(baseUrl);
        String loginPage = session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build());
        assertThat(signedIn.uri().getPath()).as("signed in, not sent back to the login page").isNotEqualTo("/login");
        session.signInCookies = signedIn.previousResponse().map(r -> r.headers().allValues("Set-Cookie")).orElse(List.of());
        return session;
    }

    /** Opens Tasklist, which hands out Camunda's own CSRF token as the XSRF-TOKEN cookie, and returns that token. */
    public String openTasklist() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build());
        return cookie("XSRF-TOKEN").orElseThrow();
    }

    /** A JSON call the way Tasklist makes it, with Camunda's CSRF header. */
    public HttpResponse<String> tasklistPost(String path, String xsrf, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Set-Cookie headers of the answer to the sign-in form, as the browser got them. */
    public List<String> signInCookies() {
        return signInCookies;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public String baseUrl() {
        return baseUrl;
    }
}
