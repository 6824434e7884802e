package com.gymops.policy;

import com.gymops.domain.CampaignTemplate;
import com.gymops.domain.MessagePurpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The texts GymOps sends, by template key: built-in defaults that a club's configuration may
 * replace body by body. Every body is checked when the set is built, so a bad override stops the
 * start-up rather than a 06:00 campaign run.
 *
 * <p>Marketing bodies always carry opt-out words: the opt-out text is appended to any marketing
 * body that does not already say STOP, so the body shown to the agent, counted for segments and
 * sent are the same text.
 */
public final class MessageTemplates {
  public static final String PROSPECT_WELCOME = "prospect_welcome";
  public static final String MONTHLY_SPECIAL = "monthly_special";
  public static final String GREEN_MEMBER_WELCOME = "green_member_welcome";
  public static final String PPV_CONVERSION = "ppv_conversion";
  public static final String REMINDER_FRIENDLY = "reminder_friendly";
  public static final String REMINDER_FIRM = "reminder_firm";
  public static final String REMINDER_FINAL = "reminder_final";
  public static final String INVOICE = "invoice";
  public static final String ACCESS_LOCKED = "access_locked";
  public static final String ACCESS_RESTORED = "access_restored";
  public static final String LOCK_WARNING = "lock_warning";
  public static final String MANAGER_SUMMARY = "manager_summary";

  public static final String DEFAULT_OPT_OUT_TEXT = "Reply STOP to opt out.";

  /**
   * The variables a body may use; {@code amount} is two decimals without a sign, e.g. 49.99; {@code
   * pay_link} is the member's pay link (empty when none is configured); {@code lock_date} is the
   * day of a coming lock, for {@code lock_warning}.
   */
  public static final Set<String> VARIABLES =
      Set.of(
          "first_name",
          "last_name",
          "club_name",
          "amount",
          "club_phone",
          "text",
          "pay_link",
          "lock_date");

  /**
   * The texts that ask for money: when the member has a pay link and the body does not place {@code
   * {pay_link}} itself, the link is appended, so custom bodies get it too.
   */
  private static final Set<String> PAY_LINK_TEXTS =
      Set.of(
          REMINDER_FRIENDLY, REMINDER_FIRM, REMINDER_FINAL, INVOICE, ACCESS_LOCKED, LOCK_WARNING);

  private static final Pattern STOP_WORD = Pattern.compile("\\bSTOP\\b");

  // Plain ASCII only (no curly quotes or dashes): one character outside GSM-7 would turn the whole
  // text into UCS-2 and more than double its segments.
  private static final List<CampaignTemplate> BUILT_IN =
      List.of(
          new CampaignTemplate(
              PROSPECT_WELCOME,
              MessagePurpose.MARKETING,
              "Hi {first_name}, thanks for your interest in {club_name}! Come try a free workout"
                  + " - we're open 24/7."),
          new CampaignTemplate(
              MONTHLY_SPECIAL,
              MessagePurpose.MARKETING,
              "Hi {first_name}, {club_name} has a special offer for you this month. Ask us about"
                  + " it on your next visit!"),
          new CampaignTemplate(
              GREEN_MEMBER_WELCOME,
              MessagePurpose.MARKETING,
              "Welcome to {club_name}, {first_name}! Glad you joined. Ask our team about a free"
                  + " orientation to get started."),
          new CampaignTemplate(
              PPV_CONVERSION,
              MessagePurpose.MARKETING,
              "Hi {first_name}, enjoying {club_name}? A membership could cost less than paying"
                  + " per visit. Ask us on your next visit!"),
          new CampaignTemplate(
              REMINDER_FRIENDLY,
              MessagePurpose.REMINDER,
              "Hi {first_name}, a friendly reminder from {club_name}: your balance of ${amount}"
                  + " is past due. Please update your payment when you can. Thanks!"),
          new CampaignTemplate(
              REMINDER_FIRM,
              MessagePurpose.REMINDER,
              "Hi {first_name}, your {club_name} account is past due: ${amount}. Please pay or"
                  + " update your payment method soon to avoid losing access."),
          new CampaignTemplate(
              REMINDER_FINAL,
              MessagePurpose.REMINDER,
              "FINAL NOTICE from {club_name}: your balance of ${amount} is past due. Please pay"
                  + " now to keep your gym access."),
          new CampaignTemplate(
              INVOICE,
              MessagePurpose.INVOICE,
              "{club_name} invoice: Your account balance is ${amount}. Please update your payment"
                  + " method."),
          new CampaignTemplate(
              ACCESS_LOCKED,
              MessagePurpose.ACCESS,
              "{club_name}: Your gym access has been suspended due to a past due balance of"
                  + " ${amount}. Please update your payment."),
          new CampaignTemplate(
              ACCESS_RESTORED,
              MessagePurpose.ACCESS,
              "{club_name}: Your gym access has been restored. Thank you for your payment!"),
          new CampaignTemplate(
              LOCK_WARNING,
              MessagePurpose.ACCESS,
              "{club_name}: your balance of ${amount} is past due. To keep your gym access, please"
                  + " pay before {lock_date}."),
          new CampaignTemplate(MANAGER_SUMMARY, MessagePurpose.MANAGER, "{club_name}: {text}"));

  private final TemplateRenderer renderer = new TemplateRenderer(VARIABLES);
  private final Map<String, CampaignTemplate> byKey;

  /**
   * @param overrides template bodies by key that replace the built-in ones
   * @param optOutText appended to every marketing body that does not already say STOP
   * @throws IllegalArgumentException for an unknown key, a blank body or an unknown variable
   */
  public MessageTemplates(Map<String, String> overrides, String optOutText) {
    Objects.requireNonNull(overrides, "overrides");
    Objects.requireNonNull(optOutText, "optOutText");
    if (!STOP_WORD.matcher(optOutText).find()) {
      throw new IllegalArgumentException(
          "opt-out text '" + optOutText + "' must tell members to reply STOP");
    }
    Map<String, CampaignTemplate> templates = new LinkedHashMap<>();
    for (CampaignTemplate builtIn : BUILT_IN) {
      templates.put(builtIn.key(), builtIn);
    }
    overrides.forEach(
        (key, body) -> {
          CampaignTemplate builtIn = templates.get(key);
          if (builtIn == null) {
            throw new IllegalArgumentException(
                "unknown message template '"
                    + key
                    + "'; known templates are "
                    + templates.keySet());
          }
          if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("template '" + key + "' has an empty body");
          }
          templates.put(key, new CampaignTemplate(key, builtIn.purpose(), body.strip()));
        });
    templates.replaceAll((key, template) -> withOptOut(template, optOutText));
    templates.values().forEach(template -> renderer.validate(template.key(), template.body()));
    this.byKey = Map.copyOf(templates);
  }

  /** The built-in texts with the default opt-out words. */
  public static MessageTemplates defaults() {
    return new MessageTemplates(Map.of(), DEFAULT_OPT_OUT_TEXT);
  }

  public Optional<CampaignTemplate> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /**
   * @throws IllegalArgumentException when there is no template {@code key}
   */
  public CampaignTemplate get(String key) {
    return find(key)
        .orElseThrow(() -> new IllegalArgumentException("unknown message template '" + key + "'"));
  }

  /** Every template, in the order of the built-in list. */
  public List<CampaignTemplate> all() {
    List<CampaignTemplate> all = new ArrayList<>(BUILT_IN.size());
    for (CampaignTemplate builtIn : BUILT_IN) {
      all.add(byKey.get(builtIn.key()));
    }
    return List.copyOf(all);
  }

  /** The templates of one purpose, e.g. the marketing ones for {@code get_campaign_templates}. */
  public List<CampaignTemplate> all(MessagePurpose purpose) {
    return all().stream().filter(template -> template.purpose() == purpose).toList();
  }

  /**
   * The text of template {@code key} with its variables filled in.
   *
   * @throws IllegalArgumentException naming the template and variable when the template is unknown
   *     or a variable it uses is missing from {@code variables}
   */
  public String render(String key, Map<String, String> variables) {
    CampaignTemplate template = get(key);
    String text = renderer.render(key, template.body(), variables);
    String payLink = variables.get("pay_link");
    if (payLink != null
        && !payLink.isEmpty()
        && PAY_LINK_TEXTS.contains(key)
        && !template.body().contains("{pay_link}")) {
      return text + " Pay: " + payLink;
    }
    return text;
  }

  private static CampaignTemplate withOptOut(CampaignTemplate template, String optOutText) {
    if (template.purpose() != MessagePurpose.MARKETING
        || STOP_WORD.matcher(template.body()).find()) {
      return template;
    }
    return new CampaignTemplate(
        template.key(), template.purpose(), template.body() + " " + optOutText);
  }
}
