package com.gymops.adapter.door;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A door system's REST API on loopback: keeps every request and answers 200 with {@code {}}, or the
 * statuses the test scripted, in order. Stands in for Kisi, Brivo or Seam alike: what is checked is
 * the request GymOps makes from its configuration.
 */
final class FakeDoorApi implements AutoCloseable {
  record Request(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();

  private FakeDoorApi(HttpServer server) {
    this.server = server;
  }

  static FakeDoorApi start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeDoorApi fake = new FakeDoorApi(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake door API", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized FakeDoorApi answer(Integer... scripted) {
    statuses.addAll(List.of(scripted));
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      int status;
      synchronized (this) {
        requests.add(
            new Request(
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body));
        status = statuses.isEmpty() ? 200 : statuses.poll();
      }
      byte[] bytes =
          (status < 300 ? "{}" : "{\"error\": \"status " + status + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
