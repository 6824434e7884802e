package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.domain.CampaignTemplate;
import com.gymops.domain.MessagePurpose;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTemplatesTest {
  private static final Map<String, String> LONG_VALUES =
      Map.of(
          "first_name", "Alexandrina",
          "last_name", "Featherstonehaugh",
          "club_name", "Riverside 24/7 Fitness",
          "amount", "1,234.56",
          "club_phone", "(555) 010-2000",
          "text", "3 escalations, $812.40 at risk",
          "lock_date", "Wed Sep 30");

  private final MessageTemplates defaults = MessageTemplates.defaults();

  @ParameterizedTest(name = "{0} is a {1} template")
  @CsvSource({
    "prospect_welcome, MARKETING",
    "monthly_special, MARKETING",
    "green_member_welcome, MARKETING",
    "ppv_conversion, MARKETING",
    "reminder_friendly, REMINDER",
    "reminder_firm, REMINDER",
    "reminder_final, REMINDER",
    "reminder_locked, REMINDER",
    "invoice, INVOICE",
    "access_locked, ACCESS",
    "access_restored, ACCESS",
    "lock_warning, ACCESS",
    "manager_summary, MANAGER",
  })
  void every_built_in_template_has_its_purpose(String key, MessagePurpose purpose) {
    assertThat(defaults.get(key).purpose()).isEqualTo(purpose);
  }

  @Test
  void lists_all_fourteen_templates_in_a_stable_order() {
    assertThat(defaults.all())
        .extracting(CampaignTemplate::key)
        .containsExactly(
            "prospect_welcome",
            "monthly_special",
            "green_member_welcome",
            "ppv_conversion",
            "reminder_friendly",
            "reminder_firm",
            "reminder_final",
            "reminder_locked",
            "invoice",
            "access_locked",
            "access_restored",
            "lock_warning",
            "manager_summary",
            "one_off_message");
    assertThat(defaults.all(MessagePurpose.MARKETING)).hasSize(5);
  }

  @ParameterizedTest(name = "{0} names the club, the amount, how to pay and whom to call")
  @ValueSource(
      strings = {
        "reminder_friendly",
        "reminder_firm",
        "reminder_final",
        "reminder_locked",
        "invoice",
        "access_locked"
      })
  void every_collection_text_says_who_what_how_to_pay_and_whom_to_call(String key) {
    assertThat(defaults.render(key, LONG_VALUES))
        .contains("Riverside 24/7 Fitness", "$1,234.56", "at the front desk")
        .endsWith("Call (555) 010-2000.");
  }

  @ParameterizedTest(name = "{0} without a pay link never mentions paying online")
  @ValueSource(
      strings = {
        "reminder_friendly",
        "reminder_firm",
        "reminder_final",
        "reminder_locked",
        "invoice",
        "access_locked",
        "lock_warning"
      })
  void a_text_without_a_pay_link_tells_the_member_to_pay_at_the_front_desk_not_online(String key) {
    Map<String, String> noLink = new HashMap<>(LONG_VALUES);
    noLink.put("pay_link", "");

    assertThat(defaults.render(key, noLink))
        .doesNotContainIgnoringCase("online")
        .doesNotContainIgnoringCase("link")
        .doesNotContain("Pay: ")
        .contains("Call (555) 010-2000");
    assertThat(defaults.render(key, LONG_VALUES)).doesNotContainIgnoringCase("online");
  }

  @ParameterizedTest(name = "{0} with a pay link offers to pay online and ends with the link")
  @ValueSource(
      strings = {
        "reminder_friendly",
        "reminder_firm",
        "reminder_final",
        "reminder_locked",
        "invoice",
        "access_locked"
      })
  void a_text_with_a_pay_link_offers_to_pay_online_and_gives_the_link(String key) {
    Map<String, String> withLink = new HashMap<>(LONG_VALUES);
    withLink.put("pay_link", "https://pay.riverside.example/p/M1");

    assertThat(defaults.render(key, withLink))
        .contains("online or at the front desk")
        .endsWith(" Pay: https://pay.riverside.example/p/M1");
  }

  @Test
  void a_custom_text_that_places_the_pay_link_says_front_desk_instead_when_there_is_none() {
    MessageTemplates custom =
        new MessageTemplates(
            Map.of(
                "reminder_friendly",
                "Hi {first_name}, you owe ${amount}. Pay online: {pay_link}. Call {club_phone}."),
            MessageTemplates.DEFAULT_OPT_OUT_TEXT);
    Map<String, String> withLink = new HashMap<>(LONG_VALUES);
    withLink.put("pay_link", "https://pay.riverside.example/p/M1");

    assertThat(custom.render("reminder_friendly", LONG_VALUES))
        .isEqualTo(
            "Hi Alexandrina, you owe $1,234.56. Pay at the front desk. Call (555) 010-2000.");
    assertThat(custom.render("reminder_friendly", withLink))
        .isEqualTo(
            "Hi Alexandrina, you owe $1,234.56. Pay online: https://pay.riverside.example/p/M1."
                + " Call (555) 010-2000.");
  }

  @Test
  void a_pay_link_sentence_without_an_end_mark_is_replaced_to_the_end_of_the_text() {
    assertThat(MessageTemplates.withoutPayLinkSentences("Owe ${amount}? Pay here {pay_link}"))
        .isEqualTo("Owe ${amount}? Pay at the front desk.");
    assertThat(MessageTemplates.withoutPayLinkSentences("{pay_link} to pay. Thanks!"))
        .isEqualTo("Pay at the front desk. Thanks!");
  }

  @ParameterizedTest(name = "{0} says what happens next")
  @CsvSource({
    "reminder_firm, your door access will be paused",
    "reminder_final, your door access will be locked",
    "reminder_locked, you can get back in at once",
    "access_locked, it reopens",
  })
  void a_reminder_says_what_happens_next(String key, String next) {
    assertThat(defaults.render(key, LONG_VALUES)).contains(next);
  }

  @Test
  void no_text_for_a_locked_member_promises_to_keep_an_access_they_lost() {
    assertThat(defaults.render("reminder_locked", LONG_VALUES))
        .contains("your door access is locked")
        .doesNotContainIgnoringCase("keep");
    assertThat(defaults.render("access_locked", LONG_VALUES)).doesNotContainIgnoringCase("keep");
  }

  @Test
  void the_restored_text_thanks_the_member_by_name_and_says_the_door_is_open() {
    assertThat(defaults.render("access_restored", LONG_VALUES))
        .isEqualTo(
            "Riverside 24/7 Fitness: thank you for your payment, Alexandrina! Your door access is"
                + " open again. Questions? Call (555) 010-2000.");
  }

  @Test
  void renders_the_manager_summary_with_the_club_name_and_text() {
    assertThat(
            defaults.render(
                "manager_summary", Map.of("club_name", "Riverside", "text", "2 cases, $400.00")))
        .isEqualTo("Riverside: 2 cases, $400.00");
  }

  @Test
  void values_with_dollar_signs_and_backslashes_are_inserted_literally() {
    String text =
        defaults.render("manager_summary", Map.of("club_name", "A\\B", "text", "$1 and $2"));

    assertThat(text).isEqualTo("A\\B: $1 and $2");
  }

  @Test
  void every_member_text_fits_one_gsm7_segment_with_long_names() {
    for (CampaignTemplate template : defaults.all()) {
      if (template.purpose() == MessagePurpose.MANAGER) {
        continue; // its length is the summary's
      }
      SmsSegments segments = SmsSegments.of(defaults.render(template.key(), LONG_VALUES));
      assertThat(segments.encoding()).as(template.key()).isEqualTo(SmsSegments.Encoding.GSM_7);
      assertThat(segments.segments()).as(template.key()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0} ends with the opt-out words")
  @ValueSource(
      strings = {"prospect_welcome", "monthly_special", "green_member_welcome", "ppv_conversion"})
  void marketing_texts_end_with_the_opt_out_words(String key) {
    assertThat(defaults.render(key, LONG_VALUES)).endsWith(" Reply STOP to opt out.");
  }

  @ParameterizedTest(name = "{0} has no opt-out words")
  @ValueSource(
      strings = {
        "reminder_friendly",
        "reminder_firm",
        "reminder_final",
        "invoice",
        "access_locked",
        "access_restored",
        "manager_summary"
      })
  void other_texts_carry_no_opt_out_words(String key) {
    assertThat(defaults.render(key, LONG_VALUES)).doesNotContain("STOP");
  }

  @Test
  void an_override_that_already_says_stop_gets_no_second_opt_out() {
    MessageTemplates templates =
        new MessageTemplates(
            Map.of("monthly_special", "Hi {first_name}, 20% off this month! Text STOP to end."),
            MessageTemplates.DEFAULT_OPT_OUT_TEXT);

    assertThat(templates.get("monthly_special").body())
        .isEqualTo("Hi {first_name}, 20% off this month! Text STOP to end.");
  }

  @Test
  void an_override_that_says_stop_only_in_lower_case_still_gets_the_opt_out_words() {
    MessageTemplates templates =
        new MessageTemplates(
            Map.of("ppv_conversion", "Stop by and ask about memberships!"),
            MessageTemplates.DEFAULT_OPT_OUT_TEXT);

    assertThat(templates.get("ppv_conversion").body())
        .isEqualTo("Stop by and ask about memberships! Reply STOP to opt out.");
  }

  @Test
  void a_club_may_word_its_own_opt_out_text() {
    MessageTemplates templates = new MessageTemplates(Map.of(), "Txt STOP to quit.");

    assertThat(templates.get("prospect_welcome").body()).endsWith(" Txt STOP to quit.");
  }

  @Test
  void an_opt_out_text_without_stop_is_refused() {
    assertThatThrownBy(() -> new MessageTemplates(Map.of(), "Unsubscribe online."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STOP");
  }

  @Test
  void an_override_replaces_the_body_and_keeps_the_purpose() {
    MessageTemplates templates =
        new MessageTemplates(
            Map.of("invoice", "  {club_name}: you owe ${amount}.  "),
            MessageTemplates.DEFAULT_OPT_OUT_TEXT);

    assertThat(templates.get("invoice"))
        .isEqualTo(
            new CampaignTemplate(
                "invoice", MessagePurpose.INVOICE, "{club_name}: you owe ${amount}."));
  }

  @Test
  void an_override_with_an_unknown_variable_is_refused_naming_template_and_variable() {
    assertThatThrownBy(
            () ->
                new MessageTemplates(
                    Map.of("reminder_firm", "Hi {frist_name}, you owe ${amount}."),
                    MessageTemplates.DEFAULT_OPT_OUT_TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("template 'reminder_firm'")
        .hasMessageContaining("unknown variable {frist_name}");
  }

  @Test
  void an_override_for_an_unknown_template_is_refused() {
    assertThatThrownBy(
            () ->
                new MessageTemplates(
                    Map.of("birthday", "Happy birthday!"), MessageTemplates.DEFAULT_OPT_OUT_TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown message template 'birthday'");
  }

  @Test
  void an_empty_override_is_refused() {
    assertThatThrownBy(
            () ->
                new MessageTemplates(Map.of("invoice", " "), MessageTemplates.DEFAULT_OPT_OUT_TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("template 'invoice' has an empty body");
  }

  @Test
  void rendering_without_a_variable_the_body_needs_fails_naming_it() {
    assertThatThrownBy(
            () ->
                defaults.render(
                    "invoice", Map.of("club_name", "Riverside", "club_phone", "the front desk")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("template 'invoice' needs variable {amount}, which was not given");
  }

  @Test
  void rendering_an_unknown_variable_fails_naming_template_and_variable() {
    TemplateRenderer renderer = new TemplateRenderer(MessageTemplates.VARIABLES);

    assertThatThrownBy(() -> renderer.render("adhoc", "Hi {nickname}!", Map.of("nickname", "Al")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("template 'adhoc' uses unknown variable {nickname}");
  }

  @Test
  void rendering_an_unknown_template_fails() {
    assertThatThrownBy(() -> defaults.render("birthday", LONG_VALUES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown message template 'birthday'");
    assertThat(defaults.find("birthday")).isEmpty();
  }

  @Test
  void finds_the_variables_a_body_uses_in_order() {
    assertThat(TemplateRenderer.variablesIn("{club_name}: {text} ({club_name})"))
        .containsExactly("club_name", "text");
  }
}
