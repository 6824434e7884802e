package com.gymops.policy;

import com.gymops.domain.CampaignTemplate;
import com.gymops.domain.MessagePurpose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  public static final String REMINDER_LOCKED = "reminder_locked";
  public static final String INVOICE = "invoice";
  public static final String ACCESS_LOCKED = "access_locked";
  public static final String ACCESS_RESTORED = "access_restored";
  public static final String LOCK_WARNING = "lock_warning";
  public static final String MANAGER_SUMMARY = "manager_summary";

  /** A one-off message a person wrote for a segment ({@link OneOffMessage}), in {@code text}. */
  public static final String ONE_OFF_MESSAGE = "one_off_message";

  /** The past-due reminders, whose texts quote the member's balance. */
  public static final Set<String> REMINDERS =
      Set.of(REMINDER_FRIENDLY, REMINDER_FIRM, REMINDER_FINAL, REMINDER_LOCKED);

  public static final String DEFAULT_OPT_OUT_TEXT = "Reply STOP to opt out.";

  /**
   * The variables a body may use; {@code amount} is two decimals with thousands separators and
   * without a sign, e.g. 1,234.50 ({@link com.gymops.domain.Money#grouped()}); {@code club_phone}
   * is the club's front-desk number, or "the front desk" when none is configured; {@code pay_link}
   * is the member's pay link; {@code pay_options} is how the member can pay, "online or at the
   * front desk" with a pay link and "at the front desk" without one (filled by {@link #render});
   * {@code lock_date} is the day of a coming lock, for {@code lock_warning}.
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
          "pay_options",
          "lock_date");

  /** How to pay with a pay link: the link itself follows the text (see {@link #render}). */
  static final String PAY_WITH_LINK = "online or at the front desk";

  /** How to pay without one: a text never promises a link it does not have. */
  static final String PAY_WITHOUT_LINK = "at the front desk";

  private static final String PAY_LINK_PLACEHOLDER = "{pay_link}";

  /** What stands for a custom body's sentence with {@code {pay_link}} when there is no link. */
  static final String NO_LINK_SENTENCE = "Pay at the front desk.";

  /**
   * The texts that ask for money: when the member has a pay link and the body does not place {@code
   * {pay_link}} itself, the link is appended, so custom bodies get it too.
   */
  private static final Set<String> PAY_LINK_TEXTS =
      Set.of(
          REMINDER_FRIENDLY,
          REMINDER_FIRM,
          REMINDER_FINAL,
          REMINDER_LOCKED,
          INVOICE,
          ACCESS_LOCKED,
          LOCK_WARNING);

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
          // Collection and access texts name the club, the amount, what happens next, how to pay
          // and whom to call: a member reads them once, on a phone, often at the door.
          new CampaignTemplate(
              REMINDER_FRIENDLY,
              MessagePurpose.REMINDER,
              "Hi {first_name}, this is {club_name}. Your balance of ${amount} is past due."
                  + " Please pay {pay_options}. Questions? Call {club_phone}."),
          new CampaignTemplate(
              REMINDER_FIRM,
              MessagePurpose.REMINDER,
              "{club_name}: {first_name}, ${amount} is still unpaid. Pay {pay_options} soon, or"
                  + " your door access will be paused. Call {club_phone}."),
          new CampaignTemplate(
              REMINDER_FINAL,
              MessagePurpose.REMINDER,
              "FINAL NOTICE {club_name}: ${amount} past due. Pay today {pay_options}, or your"
                  + " door access will be locked. Call {club_phone}."),
          new CampaignTemplate(
              REMINDER_LOCKED,
              MessagePurpose.REMINDER,
              "{club_name}: your door access is locked for ${amount} past due. Pay {pay_options}"
                  + " and you can get back in at once. Call {club_phone}."),
          new CampaignTemplate(
              INVOICE,
              MessagePurpose.INVOICE,
              "{club_name} invoice: your balance is ${amount}. Pay {pay_options} to keep your"
                  + " account in good standing. Questions? Call {club_phone}."),
          new CampaignTemplate(
              ACCESS_LOCKED,
              MessagePurpose.ACCESS,
              "{club_name}: your door access is paused for a past-due balance of ${amount}. Pay"
                  + " {pay_options} and it reopens. Call {club_phone}."),
          new CampaignTemplate(
              ACCESS_RESTORED,
              MessagePurpose.ACCESS,
              "{club_name}: thank you for your payment, {first_name}! Your door access is open"
                  + " again. Questions? Call {club_phone}."),
          new CampaignTemplate(
              LOCK_WARNING,
              MessagePurpose.ACCESS,
              "{club_name}: {first_name}, ${amount} is past due. Pay before {lock_date} to keep"
                  + " your door access. Call {club_phone}."),
          new CampaignTemplate(MANAGER_SUMMARY, MessagePurpose.MANAGER, "{club_name}: {text}"),
          // The club's name first: a member must know who writes before reading a person's words.
          new CampaignTemplate(ONE_OFF_MESSAGE, MessagePurpose.MARKETING, "{club_name}: {text}"));

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

  /**
   * Whether the opt-out text tells members to reply STOP, as the constructor requires; the problem
   * when it does not.
   */
  public static Optional<String> optOutProblem(String optOutText) {
    return STOP_WORD.matcher(optOutText).find()
        ? Optional.empty()
        : Optional.of("opt-out text '" + optOutText + "' must tell members to reply STOP");
  }

  /**
   * Every problem of these overrides at once, as the constructor would find them one by one: what
   * the configuration reports when it is loaded, for every command alike.
   */
  public static List<String> problems(Map<String, String> overrides) {
    List<String> problems = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    BUILT_IN.forEach(template -> known.add(template.key()));
    new TreeMap<>(overrides)
        .forEach(
            (key, body) -> {
              if (!known.contains(key)) {
                problems.add(
                    "unknown message template '" + key + "'; known templates are " + known);
              } else if (body == null || body.isBlank()) {
                problems.add("template '" + key + "' has an empty body");
              } else {
                for (String name : TemplateRenderer.variablesIn(body)) {
                  if (!VARIABLES.contains(name)) {
                    problems.add(
                        "template '"
                            + key
                            + "' uses unknown variable {"
                            + name
                            + "}; known variables are "
                            + new TreeSet<>(VARIABLES));
                  }
                }
              }
            });
    return problems;
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
    // The one place that decides whether a text may mention paying online: only with a link.
    String payLink = variables.get("pay_link");
    boolean hasLink = payLink != null && !payLink.isBlank();
    Map<String, String> values = new HashMap<>(variables);
    values.put("pay_options", hasLink ? PAY_WITH_LINK : PAY_WITHOUT_LINK);
    String body = template.body();
    if (!hasLink) {
      values.put("pay_link", "");
      body = withoutPayLinkSentences(body);
    }
    String text = renderer.render(key, body, values);
    if (hasLink && PAY_LINK_TEXTS.contains(key) && !body.contains("{pay_link}")) {
      return text + " Pay: " + payLink;
    }
    return text;
  }

  /**
   * {@code body} with each sentence that places {@code {pay_link}} replaced by {@link
   * #NO_LINK_SENTENCE}: a club's own "Pay online: {pay_link}" must not reach a member without a
   * link as a dangling "Pay online: " (docs/WORKFLOWS.md, templates).
   */
  static String withoutPayLinkSentences(String body) {
    String text = body;
    int at = text.indexOf(PAY_LINK_PLACEHOLDER);
    while (at >= 0) {
      int start = sentenceStart(text, at);
      int end = sentenceEnd(text, at + PAY_LINK_PLACEHOLDER.length());
      text = text.substring(0, start) + NO_LINK_SENTENCE + text.substring(end);
      at = text.indexOf(PAY_LINK_PLACEHOLDER, start + NO_LINK_SENTENCE.length());
    }
    return text;
  }

  /** Where the sentence around {@code at} begins: after the previous sentence's end, or at 0. */
  private static int sentenceStart(String text, int at) {
    for (int i = at - 1; i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i)) && endsSentence(text.charAt(i - 1))) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Just after the end mark of the sentence that goes on at {@code from}, or the text's end. */
  private static int sentenceEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (endsSentence(text.charAt(i))
          && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        return i + 1;
      }
    }
    return text.length();
  }

  private static boolean endsSentence(char c) {
    return c == '.' || c == '!' || c == '?';
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
