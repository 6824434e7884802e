package com.gymops.adapter.web.console;

import java.nio.charset.StandardCharsets;

/**
 * Every console URL that carries an id, built in one place: each id is one path segment,
 * percent-encoded, so an id holding {@code /}, {@code ?}, {@code #} or {@code ..} can neither reach
 * another route nor break its link (docs/SECURITY.md). The templates and the redirects use these.
 */
public final class ConsoleUrls {
  private static final String ROOT = ConsoleRoutes.ROOT;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ConsoleUrls() {}

  public static String member(String memberId) {
    return ROOT + "/members/" + segment(memberId);
  }

  /** A member action such as {@code note} or {@code hold}. */
  public static String member(String memberId, String action) {
    return member(memberId) + "/" + segment(action);
  }

  public static String run(String runId) {
    return ROOT + "/runs/" + segment(runId);
  }

  public static String approval(String approvalId, String decision) {
    return ROOT + "/approvals/" + segment(approvalId) + "/" + segment(decision);
  }

  /** An approval's review list, one page of it, for a search ("" for every member). */
  public static String review(String approvalId, String search, int page) {
    String query =
        (search.isEmpty()
                ? ""
                : "q="
                    + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8))
            + (page <= 1 ? "" : (search.isEmpty() ? "" : "&") + "page=" + page);
    return ROOT + "/approvals/" + segment(approvalId) + (query.isEmpty() ? "" : "?" + query);
  }

  /** The Approvals page with what the decision on {@code approvalId} did at its top. */
  public static String decided(String approvalId) {
    return ROOT
        + "/approvals?decided="
        + java.net.URLEncoder.encode(approvalId, java.nio.charset.StandardCharsets.UTF_8)
        + "#decided";
  }

  public static String message(long messageId, String action) {
    return ROOT + "/outbox/" + messageId + "/" + segment(action);
  }

  public static String workflow(String club, String workflow, String action) {
    return ROOT
        + "/clubs/"
        + segment(club)
        + "/workflows/"
        + segment(workflow)
        + "/"
        + segment(action);
  }

  /**
   * The text as one path segment: RFC 3986's unreserved characters kept, every other byte of its
   * UTF-8 form percent-encoded ({@code .} and {@code ..} too, which would otherwise be resolved).
   */
  static String segment(String text) {
    if (text == null) {
      return "";
    }
    if (text.equals(".") || text.equals("..")) {
      return text.replace(".", "%2E");
    }
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
