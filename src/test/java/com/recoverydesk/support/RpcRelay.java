package com.recoverydesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP relay on a fixed loopback port in front of a real node, that sees every JSON-RPC request: it records when
 * each arrived and which methods it carried, and can answer as a failing provider does (HTTP 500, or no answer in
 * time) or be stopped (connection refused) and started again on the same port.
 */
public final class RpcRelay implements AutoCloseable {

    /** What the relay does with the next requests. */
    public enum Mode { FORWARD, HTTP_500, STALL }

    /** One request as it arrived: {@code System.nanoTime()} and the JSON-RPC methods of its body (several for a batch). */
    public record Arrival(long nanos, List<String> methods) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final int targetPort;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Mode mode = Mode.FORWARD;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService threads;

    public RpcRelay(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    public static RpcRelay started(int targetPort) {
        RpcRelay relay = new RpcRelay(IntegrationTest.freePort(), targetPort);
        relay.start();
        return relay;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Requests that carried something other than the endpoint probe (eth_chainId + eth_blockNumber). */
    public List<Arrival> requestsBesidesProbes() {
        List<Arrival> others = new ArrayList<>();
        for (Arrival a : arrivals) {
            if (!a.methods().equals(List.of("eth_chainId", "eth_blockNumber"))) {
                others.add(a);
            }
        }
        return others;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stalled.countDown();
        server.stop(0);
        threads.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        arrivals.add(new Arrival(arrived, methods(body)));
        try (exchange) {
            switch (mode) {
                case HTTP_500 -> exchange.sendResponseHeaders(500, -1);
                case STALL -> {
                    try {
                        stalled.await(30, TimeUnit.SECONDS); // longer than any client here waits; released by stop()
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }
                case FORWARD -> forward(exchange, body);
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (IOException nodeDown) {
            exchange.sendResponseHeaders(502, -1);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        }
    }

    private static List<String> methods(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            List<String> methods = new ArrayList<>();
            if (request.isArray()) {
                request.forEach(r -> methods.add(r.path("method").asText()));
            } else {
                methods.add(request.path("method").asText());
            }
            return methods;
        } catch (IOException notJson) {
            return List.of("?");
        }
    }
}
