package com.gymops.application.importing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns phone numbers as people type them into E.164, reading numbers without a country code as
 * numbers of the club's region. Thread-safe.
 *
 * <p>{@link PhoneNumberUtil#parse} runs a dozen regular expressions per number and dominated the
 * time of a 100,000-row import. So numbers written only with digits, spaces, dashes, dots and
 * brackets take a shortcut: the digits are read straight into a number, which is then validated by
 * libphonenumber as usual. The shortcut is only taken where it provably gives what {@code parse}
 * gives: in regions whose national prefix is plain digits without rewrite rules and whose
 * international prefix starts with 0, and for numbers that start with neither 0 nor the national
 * prefix. Everything else, and every number the shortcut finds invalid, goes through {@code parse}.
 */
final class PhoneNormalizer {
  // Loading the metadata is the expensive part, and both are immutable once loaded.
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final MetadataSource METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
  private static final String UNKNOWN_REGION = "ZZ";
  private static final String NON_GEOGRAPHIC = "001";
  private static final int MAX_COUNTRY_CODE_DIGITS = 3;
  private static final int MAX_NATIONAL_DIGITS = 17;

  private final String defaultRegion;
  private final int defaultCountryCode;
  private final Map<String, Boolean> shortcutSafeRegions = new ConcurrentHashMap<>();

  /**
   * @param defaultRegion ISO 3166 region code, such as {@code US}, for numbers written without
   *     {@code +} and a country code
   */
  PhoneNormalizer(String defaultRegion) {
    if (!PHONES.getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException(
          "'" + defaultRegion + "' is not a region code libphonenumber knows, such as US or GB");
    }
    this.defaultRegion = defaultRegion;
    this.defaultCountryCode = PHONES.getCountryCodeForRegion(defaultRegion);
  }

  /** The number in E.164 form, or empty when it is not a valid number. */
  Optional<String> toE164(String text) {
    PhoneNumber shortcut = readPlainDigits(text);
    if (shortcut != null && PHONES.isValidNumber(shortcut)) {
      return Optional.of(PHONES.format(shortcut, PhoneNumberFormat.E164));
    }
    return toE164ByParsing(text);
  }

  /** The extension written with the number ("x12", "ext. 12"), or empty when there is none. */
  Optional<String> extension(String text) {
    if (text.chars().noneMatch(Character::isLetter) && text.indexOf('#') < 0) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = PHONES.parse(text, defaultRegion);
      return number.hasExtension() ? Optional.of(number.getExtension()) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The number in E.164 form by libphonenumber's own parser alone; the shortcut's reference. */
  Optional<String> toE164ByParsing(String text) {
    PhoneNumber number;
    try {
      number = PHONES.parse(text, defaultRegion);
    } catch (NumberParseException e) {
      return Optional.empty();
    }
    if (!PHONES.isValidNumber(number)) {
      return Optional.empty();
    }
    return Optional.of(PHONES.format(number, PhoneNumberFormat.E164));
  }

  /** The number when {@code text} is plain enough for the shortcut, else {@code null}. */
  private PhoneNumber readPlainDigits(String text) {
    StringBuilder digits = new StringBuilder(20);
    boolean international = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0 && !international) {
        international = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    int countryCode = international ? countryCodePrefix(digits) : defaultCountryCode;
    if (countryCode == 0) {
      return null;
    }
    String national =
        international ? digits.substring(String.valueOf(countryCode).length()) : digits.toString();
    // Like parse: a national number is read by the default region's rules, an international one
    // by the rules of its country's main region.
    String region = international ? PHONES.getRegionCodeForCountryCode(countryCode) : defaultRegion;
    if (national.isEmpty()
        || national.length() > MAX_NATIONAL_DIGITS
        || national.charAt(0) == '0'
        || !isShortcutSafe(region)
        || startsWithNationalPrefix(national, region)) {
      return null;
    }
    return new PhoneNumber()
        .setCountryCode(countryCode)
        .setNationalNumber(Long.parseLong(national));
  }

  private static boolean startsWithNationalPrefix(String national, String region) {
    String prefix = PHONES.getNddPrefixForRegion(region, true);
    return prefix != null && !prefix.isEmpty() && national.startsWith(prefix);
  }

  /** The country code that {@code digits} starts with, or 0; country codes are prefix-free. */
  private static int countryCodePrefix(CharSequence digits) {
    if (digits.length() == 0 || digits.charAt(0) == '0') {
      return 0;
    }
    for (int length = 1; length <= MAX_COUNTRY_CODE_DIGITS && length < digits.length(); length++) {
      int candidate = Integer.parseInt(digits, 0, length, 10);
      if (!UNKNOWN_REGION.equals(PHONES.getRegionCodeForCountryCode(candidate))) {
        return candidate;
      }
    }
    return 0;
  }

  private boolean isShortcutSafe(String region) {
    if (UNKNOWN_REGION.equals(region) || NON_GEOGRAPHIC.equals(region)) {
      return false;
    }
    return shortcutSafeRegions.computeIfAbsent(
        region, code -> hasPlainPrefixes(METADATA.getMetadataForRegion(code)));
  }

  private static boolean hasPlainPrefixes(PhoneMetadata metadata) {
    String nationalPrefix = metadata.getNationalPrefix();
    boolean plainNationalPrefix =
        !metadata.hasNationalPrefixTransformRule()
            && (!metadata.hasNationalPrefixForParsing()
                || metadata.getNationalPrefixForParsing().equals(nationalPrefix))
            && nationalPrefix.chars().allMatch(Character::isDigit);
    // A plain prefix starting with 0 can never match the start of a national number the shortcut
    // takes, so parse would not read such a number as international either.
    String internationalPrefix = metadata.getInternationalPrefix();
    boolean plainInternationalPrefix =
        internationalPrefix.isEmpty()
            || internationalPrefix.charAt(0) == '0'
                && internationalPrefix.chars().allMatch(Character::isDigit);
    return plainNationalPrefix && plainInternationalPrefix;
  }
}
