package com.gymops.adapter.clubsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.config.ClubSystemSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The club system's REST API of docs/club-system-api.md: {@code GET {base_url}/members?limit=N
 * [&updated_since=ISO-8601][&cursor=C]} with a bearer token, answered by {@code {"members": [...],
 * "next_cursor": ...}}. No retries of its own: a failed pull is repeated whole at the next tick,
 * from the same watermark.
 */
public final class HttpClubSystem implements ClubSystem {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClubSystemSettings.Http settings;
  private final HttpClient http;

  public HttpClubSystem(ClubSystemSettings.Http settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Page members(Instant updatedSince, String cursor) {
    StringBuilder url =
        new StringBuilder(settings.baseUrl()).append("/members?limit=").append(settings.pageSize());
    if (updatedSince != null) {
      url.append("&updated_since=").append(encode(updatedSince.toString()));
    }
    if (cursor != null) {
      url.append("&cursor=").append(encode(cursor));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.toString()))
            .timeout(settings.timeout())
            .header("Accept", "application/json")
            .GET();
    if (settings.token() != null) {
      request.header("Authorization", "Bearer " + settings.token());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ClubSystemException("club system: no answer within " + settings.timeout(), e);
    } catch (IOException e) {
      throw new ClubSystemException("club system unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClubSystemException("interrupted while reading the club system", e);
    }
    if (response.statusCode() != 200) {
      throw new ClubSystemException(
          "club system answered HTTP " + response.statusCode() + " for " + url);
    }
    return page(response.body());
  }

  static Page page(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new ClubSystemException("club system answered something that is not JSON", e);
    }
    JsonNode members = root == null ? null : root.get("members");
    if (members == null || !members.isArray()) {
      throw new ClubSystemException("club system answer has no members array");
    }
    List<ClubRecord> records = new ArrayList<>(members.size());
    for (JsonNode member : members) {
      records.add(
          new ClubRecord(
              text(member, "member_id"),
              text(member, "club_id"),
              text(member, "first_name"),
              text(member, "last_name"),
              text(member, "phone"),
              text(member, "email"),
              text(member, "status"),
              text(member, "joined_on"),
              text(member, "past_due_amount"),
              text(member, "past_due_since"),
              member.path("sms_consent").asBoolean(false),
              instant(text(member, "updated_at")),
              text(member, "state"),
              text(member, "collections_hold_until"),
              text(member, "pay_link"),
              null,
              text(member, "payment_customer_id")));
    }
    JsonNode next = root.get("next_cursor");
    return new Page(records, next == null || next.isNull() ? null : next.asText());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A bad timestamp is left null: the sync skips that record and reports it. */
  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
