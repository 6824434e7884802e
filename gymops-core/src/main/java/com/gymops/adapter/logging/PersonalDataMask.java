package com.gymops.adapter.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers and email addresses in a log line, so application logs (which operators ship
 * to other systems and keep longer than GymOps keeps texts) hold no member's contact details: a
 * phone keeps its last two digits ({@code +1*******67}), an email its first character and domain
 * ({@code a***@example.com}), enough to tell lines apart (docs/SECURITY.md). Pure.
 */
public final class PersonalDataMask {
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

  /** E.164 ({@code +12125550101}) and the North American ways of writing a number. */
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+])(\\+[1-9]\\d{6,14}|(?:\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4})(?!\\w)");

  private PersonalDataMask() {}

  public static String apply(String line) {
    if (line == null || line.isEmpty()) {
      return line;
    }
    String masked = EMAIL.matcher(line).replaceAll("$1***@$2");
    Matcher phone = PHONE.matcher(masked);
    StringBuilder out = new StringBuilder(masked.length());
    while (phone.find()) {
      phone.appendReplacement(out, Matcher.quoteReplacement(maskPhone(phone.group(1))));
    }
    phone.appendTail(out);
    return out.toString();
  }

  private static String maskPhone(String phone) {
    StringBuilder out = new StringBuilder(phone.length());
    int digits = (int) phone.chars().filter(Character::isDigit).count();
    int seen = 0;
    for (char c : phone.toCharArray()) {
      if (Character.isDigit(c)) {
        seen++;
        boolean kept = seen > digits - 2 || (phone.startsWith("+") && seen == 1);
        out.append(kept ? c : '*');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
