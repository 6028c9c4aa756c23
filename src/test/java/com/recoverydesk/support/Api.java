package com.recoverydesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP calls to the running application, signed in as a demo user (password "demo"). */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String language;

    public Api(String baseUrl) {
        this(baseUrl, null);
    }

    private Api(String baseUrl, String language) {
        this.baseUrl = baseUrl;
        this.language = language;
    }

    /** The same client, asking for answers in {@code acceptLanguage} (the header's value, e.g. {@code zh-CN}). */
    public Api in(String acceptLanguage) {
        return new Api(baseUrl, acceptLanguage);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    public Answer post(String user, String path, Object body) {
        return postRaw(user, path, "application/json", json(body));
    }

    public Answer postRaw(String user, String path, String contentType, String body) {
        return send(request(user, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public Answer put(String user, String path, Object body) {
        return send(request(user, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)).build());
    }

    public static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, application/problem+json");
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Answer(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** Every item of a paged list, following its {@code X-Next-Cursor} from page to page. */
    public java.util.List<JsonNode> getAll(String user, String path) {
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        String next = null;
        do {
            Answer page = get(user, path + (path.contains("?") ? "&" : "?") + "limit=200" + (next == null ? "" : "&cursor=" + next));
            if (page.status() != 200) {
                throw new IllegalStateException(path + " answered " + page.status() + ": " + page.body());
            }
            page.body().forEach(items::add);
            next = page.header("X-Next-Cursor");
        } while (next != null);
        return items;
    }

    /** A response: status, parsed JSON body (or the text as a JSON string), content type, Location and all headers. */
    public record Answer(int status, JsonNode body, String contentType, String location, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
