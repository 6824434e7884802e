package com.gymops.application.importing;

import com.gymops.domain.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one check of member data that comes from outside: the CSV import, the club-system sync and
 * the JSON API all use it, so no path stores what another refuses. A member id is 1-64 letters,
 * digits, {@code .}, {@code -} or {@code _}, starting with a letter or digit (docs/SECURITY.md):
 * ids go into console URLs, file names and logs. Pure.
 */
public final class MemberValidator {
  public static final int MAX_ID_LENGTH = 64;
  public static final int MAX_NAME_LENGTH = 100;
  public static final int MAX_EMAIL_LENGTH = 254;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private MemberValidator() {}

  public static final int MAX_CUSTOMER_ID_LENGTH = 255;
  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_:.-]*");

  /**
   * What is wrong with the payment provider's customer id ({@code payment_customer_id}: Stripe's
   * {@code cus_...}, Square's customer id), if anything: 1-255 letters, digits, {@code _}, {@code
   * :}, {@code .} or {@code -}, starting with a letter or digit. It decides which member a
   * provider's payment lets in, so nothing else passes.
   */
  public static Optional<String> customerIdProblem(String id) {
    if (id.length() > MAX_CUSTOMER_ID_LENGTH) {
      return Optional.of(
          "payment customer id is "
              + id.length()
              + " characters long; at most "
              + MAX_CUSTOMER_ID_LENGTH
              + " are allowed");
    }
    if (!CUSTOMER_ID.matcher(id).matches()) {
      return Optional.of(
          "payment customer id '"
              + printable(id)
              + "' may hold only letters, digits, '_', ':', '.' and '-', starting with a letter"
              + " or digit (Stripe's look like cus_NffrFeUfNV2Hib)");
    }
    return Optional.empty();
  }

  /** What is wrong with the member id, if anything. */
  public static Optional<String> idProblem(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of("a member id is required");
    }
    if (id.length() > MAX_ID_LENGTH) {
      return Optional.of(
          "member id is "
              + id.length()
              + " characters long; at most "
              + MAX_ID_LENGTH
              + " are allowed");
    }
    if (!ID.matcher(id).matches()) {
      return Optional.of(
          "member id '"
              + printable(id)
              + "' may hold only letters, digits, '.', '-' and '_', starting with a letter or"
              + " digit");
    }
    return Optional.empty();
  }

  /**
   * What is wrong with the email address, if anything: a sanity check, not RFC 5322; it catches
   * typos, wrong columns and line breaks that would forge a mail header.
   */
  public static Optional<String> emailProblem(String email) {
    if (email.length() > MAX_EMAIL_LENGTH || !looksLikeEmail(email)) {
      return Optional.of("'" + printable(email) + "' is not an email address");
    }
    return Optional.empty();
  }

  /**
   * What is wrong with a first or last name, if anything: only its length (a quoted CSV name may
   * hold a comma or a line break, and the console escapes whatever it shows).
   */
  public static Optional<String> nameProblem(String field, String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of(field + " is longer than " + MAX_NAME_LENGTH + " characters");
    }
    return Optional.empty();
  }

  /** Every problem of a member built from outside data; empty when it may be stored. */
  public static List<String> problems(Member member) {
    List<String> problems = new ArrayList<>();
    idProblem(member.id().value()).ifPresent(problems::add);
    nameProblem("first_name", member.firstName()).ifPresent(problems::add);
    nameProblem("last_name", member.lastName()).ifPresent(problems::add);
    if (member.phone() != null && !E164.matcher(member.phone()).matches()) {
      problems.add("phone '" + printable(member.phone()) + "' is not E.164");
    }
    if (member.email() != null) {
      emailProblem(member.email()).ifPresent(problems::add);
    }
    return problems;
  }

  private static boolean looksLikeEmail(String text) {
    int at = text.indexOf('@');
    if (at <= 0 || at != text.lastIndexOf('@')) {
      return false;
    }
    int dot = text.indexOf('.', at + 1);
    if (dot <= at + 1 || text.endsWith(".")) {
      return false;
    }
    return text.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  /** The text with control characters shown as {@code \\uXXXX}, so a report stays one line. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }
}
