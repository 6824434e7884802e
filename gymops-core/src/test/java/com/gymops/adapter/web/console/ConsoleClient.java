package com.gymops.adapter.web.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the console that keeps its cookies and reads the CSRF token from the
 * pages, as a browser would; redirects are not followed, so tests see them.
 */
final class ConsoleClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;

  ConsoleClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return get(path, Map.of());
  }

  HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = request(path).GET();
    headers.forEach(request::header);
    return send(request);
  }

  HttpResponse<String> head(String path) throws Exception {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /** Posts a body as it is, with the given content type and the last CSRF token in its header. */
  HttpResponse<String> postBody(String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      request.header(ConsoleRoutes.CSRF_HEADER, csrf);
    }
    return send(request);
  }

  /** Posts the form with the last CSRF token seen on a page. */
  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    if (csrf != null) {
      withToken.put("_csrf", csrf);
    }
    return postRaw(path, withToken);
  }

  /** Posts a form whose fields may repeat (checkboxes), with the last CSRF token seen. */
  HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields)
      throws Exception {
    List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
    if (csrf != null) {
      withToken.add(Map.entry("_csrf", csrf));
    }
    return postEncoded(path, withToken);
  }

  HttpResponse<String> postRaw(String path, Map<String, String> form) throws Exception {
    return postEncoded(path, List.copyOf(form.entrySet()));
  }

  private HttpResponse<String> postEncoded(String path, List<Map.Entry<String, String>> form)
      throws Exception {
    String body =
        form.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Opens the login form and logs in; returns the login's answer. */
  HttpResponse<String> login(String email, String password) throws Exception {
    get(ConsoleRoutes.LOGIN);
    return post(ConsoleRoutes.LOGIN, Map.of("email", email, "password", password));
  }

  String csrf() {
    return csrf;
  }

  Map<String, String> cookies() {
    return cookies;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      String pair = cookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }
}
