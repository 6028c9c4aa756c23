package com.recoverydesk.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange's notification service as a test sees it: a real HTTP server (the JDK's) on a fixed loopback port
 * that records every webhook it receives and answers 204. A test may stop and restart it to play an outage.
 */
public final class WebhookReceiver {

    public static final String PATH = "/recovery-events";
    public static final String SECRET = "test-webhook-secret-0123456789";

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private HttpServer server;

    WebhookReceiver(int port) {
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + PATH;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Recovery-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Recovery-Signature"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Every webhook received since the run began, in order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public record Received(String timestamp, String signature, String contentType, String body) {
    }
}
