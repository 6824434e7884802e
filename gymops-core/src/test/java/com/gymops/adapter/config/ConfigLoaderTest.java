package com.gymops.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.gymops.config.ClubSettings;
import com.gymops.config.ConfigException;
import com.gymops.config.DatabaseSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.MessagingSettings;
import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.ClubId;
import com.gymops.domain.Money;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.SendingWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  private static final ZoneId SYSTEM_ZONE = ZoneId.of("Europe/Berlin");

  @Test
  void without_a_file_there_is_one_club_main_in_the_system_zone_with_all_defaults() {
    GymOpsConfig config = ConfigLoader.load(Optional.empty(), Map.of(), SYSTEM_ZONE);

    assertThat(config.clubs()).hasSize(1);
    ClubSettings main = config.clubs().get(0);
    assertThat(main.club().id()).isEqualTo(new ClubId("main"));
    assertThat(main.club().name()).isEqualTo("Main Club");
    assertThat(main.club().zone()).isEqualTo(SYSTEM_ZONE);
    assertThat(main.club().managerPhone()).isNull();
    assertThat(main.policy()).isEqualTo(ClubPolicy.DEFAULTS);
    assertThat(main.workflows()).containsOnlyKeys(WorkflowId.values());
    assertThat(main.workflow(WorkflowId.COLLECTIONS_REFERRAL))
        .isEqualTo(new WorkflowSchedule(true, "fortnightly 09:00"));
    assertThat(main.workflow(WorkflowId.BATCH_INVOICES))
        .isEqualTo(new WorkflowSchedule(true, "monthly 1 07:00"));
    assertThat(config.database()).isEqualTo(DatabaseSettings.EMBEDDED);
    assertThat(config.messaging()).isEqualTo(MessagingSettings.DEFAULTS);
  }

  @Test
  void an_empty_file_gives_the_same_defaults_as_no_file() {
    assertThat(parse("# nothing configured yet\n"))
        .isEqualTo(ConfigLoader.load(Optional.empty(), Map.of(), SYSTEM_ZONE));
  }

  @Test
  void reads_clubs_with_their_zones_and_managers() {
    GymOpsConfig config =
        parse(
            """
            clubs:
              - id: main
                name: Main Street Fitness
                timezone: America/New_York
                manager: {phone: "(212) 555-1234", email: manager@example.com}
              - id: downtown
            """);

    assertThat(config.clubs())
        .extracting(c -> c.club().id().value())
        .containsExactly("main", "downtown");
    var main = config.club(new ClubId("main")).orElseThrow().club();
    assertThat(main.name()).isEqualTo("Main Street Fitness");
    assertThat(main.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(main.managerPhone()).isEqualTo("+12125551234");
    assertThat(main.managerEmail()).isEqualTo("manager@example.com");
    var downtown = config.club(new ClubId("downtown")).orElseThrow().club();
    assertThat(downtown.name()).isEqualTo("downtown");
    assertThat(downtown.zone()).isEqualTo(SYSTEM_ZONE);
  }

  @Test
  void reads_every_rule_setting_into_the_policy() {
    ClubPolicy policy =
        onlyClub(
                parse(
                    """
                    messaging: {sending_window: {start: "09:30", end: "19:00"}}
                    collections: {reminder_interval: 90m, max_per_7_days: 3, firm_amount: 40, final_amount: 80.5}
                    access: {min_past_due_amount: 5.00, grace_period_days: 0, max_locks_per_run: 1, lock_outside_window: true}
                    escalation: {amount_over: 150, renote_days: 14}
                    referral: {anchor_date: 2026-01-19, min_attempts: 5}
                    campaigns: {green_days: 14}
                    """))
            .policy();

    assertThat(policy.messaging().window())
        .isEqualTo(new SendingWindow(LocalTime.of(9, 30), LocalTime.of(19, 0)));
    assertThat(policy.messaging().reminderInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(policy.messaging().maxCollectionMessagesPer7Days()).isEqualTo(3);
    assertThat(policy.reminders().firmAmount()).isEqualTo(Money.parse("40.00"));
    assertThat(policy.reminders().finalAmount()).isEqualTo(Money.parse("80.50"));
    assertThat(policy.access().minPastDueAmount()).isEqualTo(Money.parse("5"));
    assertThat(policy.access().gracePeriodDays()).isZero();
    assertThat(policy.access().maxLocksPerRun()).isEqualTo(1);
    assertThat(policy.access().lockOutsideWindow()).isTrue();
    assertThat(policy.escalation().amountOver()).isEqualTo(Money.parse("150"));
    assertThat(policy.escalation().renoteDays()).isEqualTo(14);
    assertThat(policy.referral().anchorDate()).hasToString("2026-01-19");
    assertThat(policy.referral().minAttempts()).isEqualTo(5);
    assertThat(policy.campaigns().greenDays()).isEqualTo(14);
    assertThat(policy.campaigns().ppvIntervalDays()).isEqualTo(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"72h", "4320m", "3d", "PT72H", "P3D", "72 h"})
  void accepts_every_duration_form(String interval) {
    ClubPolicy policy =
        onlyClub(parse("collections: {reminder_interval: " + interval + "}")).policy();

    assertThat(policy.messaging().reminderInterval()).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void reads_workflow_switches_and_schedules() {
    ClubSettings club =
        onlyClub(
            parse(
                """
                invoices: {enabled: false, schedule: monthly 28 23:59}
                campaigns: {schedule: "00:00"}
                escalation: {schedule: hourly}
                referral: {schedule: "fortnightly  10:15"}
                """));

    assertThat(club.workflow(WorkflowId.BATCH_INVOICES))
        .isEqualTo(new WorkflowSchedule(false, "monthly 28 23:59"));
    assertThat(club.workflow(WorkflowId.DAILY_CAMPAIGNS).schedule()).isEqualTo("00:00");
    assertThat(club.workflow(WorkflowId.COLLECTIONS_ESCALATION).schedule()).isEqualTo("hourly");
    assertThat(club.workflow(WorkflowId.COLLECTIONS_REFERRAL).schedule())
        .isEqualTo("fortnightly 10:15");
  }

  static Stream<Arguments> bad_values() {
    return Stream.of(
        Arguments.of(
            "clubs: [{id: main}, {id: b, timezone: Mars/Base}]",
            "clubs[1].timezone: 'Mars/Base' is not a time zone"),
        Arguments.of(
            "clubs: [{id: Main Club}]",
            "clubs[0].id: club id 'Main Club' must be 1-40 letters, digits, '-' or '_'"),
        Arguments.of(
            "clubs: [{id: NYC01}, {id: nyc01}]",
            "clubs[1].id: 'nyc01' is already the id of clubs[0]"),
        Arguments.of("clubs: [{name: Nameless}]", "clubs[0].id: required"),
        Arguments.of(
            "clubs: [{id: a, manager: {phone: '12'}}]",
            "clubs[0].manager.phone: '12' is not a valid phone number"),
        Arguments.of(
            "clubs: [{id: a, manager: {phone: '555-0100'}}]",
            "clubs[0].manager.phone: '555-0100' is not a valid phone number; write it with its"
                + " area code, e.g. +14155550100"),
        Arguments.of(
            "clubs: [{id: a, state: Texas}]",
            "clubs[0].state: 'Texas' is not a US state's two-letter code, such as NY or TX"),
        Arguments.of(
            "messaging: {sending_window: {start: '21:30', end: '23:00'}}",
            "messaging.sending_window.start: the window 21:30-23:00 lies outside the federal"
                + " texting hours 08:00-21:00, so no text could ever be sent; choose hours between"
                + " 08:00 and 21:00"),
        Arguments.of(
            "clubs: [{id: a, manager: {email: nobody}}]",
            "clubs[0].manager.email: 'nobody' is not an email address"),
        Arguments.of("clubs: []", "clubs: list at least one club"),
        Arguments.of("clubs: {id: main}", "clubs: expected a list, got a mapping"),
        Arguments.of(
            "collections: {reminder_interval: 3 days}",
            "collections.reminder_interval: '3 days' is not a duration (use e.g. 72h, 90m, 3d)"),
        Arguments.of(
            "collections: {reminder_interval: PT-1H}",
            "collections.reminder_interval: 'PT-1H' is negative"),
        Arguments.of(
            "collections: {firm_amount: 50.001}",
            "collections.firm_amount: amount 50.001 has more than two decimals"),
        Arguments.of(
            "collections: {firm_amount: -5}", "collections.firm_amount: amount -5 is negative"),
        Arguments.of(
            "escalation: {min_amount: lots}", "escalation.min_amount: 'lots' is not an amount"),
        Arguments.of(
            "access: {min_past_due_amount: 0}",
            "access.min_past_due_amount: must be at least 0.01, got 0.00"),
        Arguments.of(
            "access: {grace_period_days: -1}",
            "access.grace_period_days: must be at least 0, got -1"),
        Arguments.of(
            "access: {max_locks_per_run: 0}",
            "access.max_locks_per_run: must be at least 1, got 0"),
        Arguments.of(
            "access: {grace_period_days: 2.5}",
            "access.grace_period_days: '2.5' is not a whole number"),
        Arguments.of(
            "campaigns: {green_days: '30'}", "campaigns.green_days: '30' is not a whole number"),
        Arguments.of(
            "access: {lock_outside_window: yes}",
            "access.lock_outside_window: 'yes' is not true or false"),
        Arguments.of("invoices: {enabled: 1}", "invoices.enabled: '1' is not true or false"),
        Arguments.of(
            "database: {pool_size: 0}", "database.pool_size: must be between 1 and 100, got 0"),
        Arguments.of(
            "database: {pool_size: 101}", "database.pool_size: must be between 1 and 100, got 101"),
        Arguments.of(
            "database: {url: 'postgres://db/gymops'}",
            "database.url: 'postgres://db/gymops' is not a JDBC URL"),
        Arguments.of(
            "messaging: {sms_provider: twilio}",
            "messaging.sms_provider: twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and"
                + " TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID) in the environment"),
        Arguments.of(
            "messaging: {sms_provider: nexmo}",
            "messaging.sms_provider: 'nexmo' is not a supported SMS provider (supported: log,"
                + " twilio)"),
        Arguments.of(
            "messaging: {email_provider: smtp, smtp: {from: a@b.example}}",
            "messaging.smtp.host: required when email_provider is smtp"),
        Arguments.of(
            "messaging: {smtp: {password: hunter2}}",
            "messaging.smtp.password: secrets come from the environment: set GYMOPS_SMTP_PASSWORD"),
        Arguments.of(
            "messaging: {smtp: {security: ssl}}",
            "messaging.smtp.security: 'ssl' is not one of none, starttls, tls"),
        Arguments.of(
            "door: {system: http, http: {restore: {url: 'https://x.example/r'}}}",
            "door.http.suspend: required when door.system is http"),
        Arguments.of(
            "door: {http: {suspend: {method: FETCH, url: 'https://x.example/{member_id}'}}}",
            "door.http.suspend.method: 'FETCH' is not one of GET, POST, PUT, PATCH, DELETE"),
        Arguments.of(
            "messaging: {email_provider: sendgrid}",
            "messaging.email_provider: 'sendgrid' is not a supported email provider"),
        Arguments.of(
            "messaging: {default_region: USA}",
            "messaging.default_region: 'USA' is not a two-letter region code"),
        Arguments.of("messaging: {opt_out_text: ' '}", "messaging.opt_out_text: must not be blank"),
        Arguments.of(
            "messaging: {templates: {welcome: [a, b]}}",
            "messaging.templates.welcome: expected a single value, got a list"),
        Arguments.of(
            "messaging: {sending_window: {start: '8am'}}",
            "messaging.sending_window.start: '8am' is not a time of day (use HH:MM"),
        Arguments.of("access: 5", "access: expected a mapping of settings, got '5'"),
        Arguments.of("- just\n- a list\n", "the file must be a mapping of settings"));
  }

  @Test
  void every_template_problem_is_reported_at_load_at_once() {
    assertThat(
            problemsOf(
                """
                messaging:
                  opt_out_text: Text NO to leave
                  templates:
                    invoice: "Pay {balance} by {due_date}"
                    reminder_firm: "Hi {first_name}, pay {amount}"
                    welcome_back: "Hello"
                """))
        .containsExactly(
            "messaging.templates: template 'invoice' uses unknown variable {balance}; known"
                + " variables are "
                + new java.util.TreeSet<>(com.gymops.policy.MessageTemplates.VARIABLES),
            "messaging.templates: template 'invoice' uses unknown variable {due_date}; known"
                + " variables are "
                + new java.util.TreeSet<>(com.gymops.policy.MessageTemplates.VARIABLES),
            "messaging.templates: unknown message template 'welcome_back'; known templates are "
                + com.gymops.policy.MessageTemplates.defaults().all().stream()
                    .map(com.gymops.domain.CampaignTemplate::key)
                    .sorted()
                    .toList(),
            "messaging.opt_out_text: opt-out text 'Text NO to leave' must tell members to reply"
                + " STOP");
  }

  @ParameterizedTest
  @MethodSource("bad_values")
  void reports_each_kind_of_bad_value_with_a_precise_message_and_its_key_path(
      String yaml, String expectedProblem) {
    assertThat(problemsOf(yaml)).singleElement(STRING).startsWith(expectedProblem);
  }

  static Stream<Arguments> bad_schedules() {
    return Stream.of(
        Arguments.of("campaigns", "daily at six", "is not a schedule (use HH:MM for daily"),
        Arguments.of("campaigns", "24:00", "is not a time of day"),
        Arguments.of("campaigns", "6:00", "is not a time of day"),
        Arguments.of("invoices", "monthly 31 07:00", "the day of the month must be 1 to 28"),
        Arguments.of("invoices", "monthly 0 07:00", "the day of the month must be 1 to 28"),
        Arguments.of("invoices", "monthly 1 7pm", "is not a time of day"),
        Arguments.of(
            "escalation", "fortnightly 09:00", "only the referral workflow runs fortnightly"),
        Arguments.of("referral", "weekly 09:00", "fortnightly HH:MM)"));
  }

  @ParameterizedTest
  @MethodSource("bad_schedules")
  void rejects_a_bad_schedule_string_naming_the_accepted_forms(
      String section, String schedule, String expected) {
    assertThat(problemsOf(section + ": {schedule: '" + schedule + "'}"))
        .singleElement(STRING)
        .startsWith(section + ".schedule: '" + schedule + "'")
        .contains(expected);
  }

  @Test
  void reports_every_problem_with_its_key_path_at_once() {
    List<String> problems =
        problemsOf(
            """
            clubs:
              - id: main
                timezone: Mars/Base
            collections:
              reminder_interval: 3 days
              firm_attempts: many
            access:
              grace_period_dayz: 4
            database:
              pool_size: 500
            """);

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "clubs[0].timezone: 'Mars/Base' is not a time zone (use an IANA name such as"
                + " America/New_York)",
            "collections.reminder_interval: '3 days' is not a duration (use e.g. 72h, 90m, 3d)",
            "collections.firm_attempts: 'many' is not a whole number",
            "access.grace_period_dayz: unknown setting (did you mean grace_period_days?)",
            "database.pool_size: must be between 1 and 100, got 500");
  }

  @Test
  void agent_review_when_and_tools_are_read_and_checked() {
    GymOpsConfig config = parse("agent: {review_when: always, tools: seed}");
    assertThat(config.agent().reviewWhen()).isEqualTo("always");
    assertThat(config.agent().tools()).isEqualTo("seed");
    assertThat(parse("clubs: [{id: main}]").agent().reviewWhen()).isEqualTo("exceptions");
    assertThat(parse("clubs: [{id: main}]").agent().tools()).isEqualTo("plan");

    assertThat(problemsOf("agent: {review_when: sometimes, tools: all}"))
        .containsExactlyInAnyOrder(
            "agent.review_when: 'sometimes' is not a review_when (use always, exceptions or"
                + " never)",
            "agent.tools: 'all' is not a tool set (use plan or seed)");
  }

  @Test
  void agent_review_every_is_read_and_checked() {
    assertThat(parse("clubs: [{id: main}]").agent().reviewEvery()).isEqualTo("day");
    assertThat(parse("agent: {review_every: run}").agent().reviewEvery()).isEqualTo("run");
    assertThat(parse("agent: {review_every: day}").agent().reviewEvery()).isEqualTo("day");

    assertThat(problemsOf("agent: {review_every: hourly}"))
        .containsExactly(
            "agent.review_every: 'hourly' is not a review_every (use day: one review a day per"
                + " workflow, or run)");
  }

  @Test
  void the_exception_message_lists_every_problem_on_its_own_line() {
    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () -> parse("access: {grace_period_days: x, max_locks_per_run: y}"));

    assertThat(failure.getMessage().lines()).containsExactlyElementsOf(failure.problems());
  }

  @Test
  void reports_unknown_keys_at_every_level_so_typos_are_caught() {
    assertThat(
            problemsOf(
                """
                agnet: {mode: rules}
                clubs: [{id: main, timezon: UTC}]
                access: {grace_period_dayz: 4}
                messaging: {sending_window: {begin: "08:00"}}
                """))
        .containsExactlyInAnyOrder(
            "agnet: unknown setting (did you mean agent?)",
            "clubs[0].timezon: unknown setting (did you mean timezone?)",
            "access.grace_period_dayz: unknown setting (did you mean grace_period_days?)",
            "messaging.sending_window.begin: unknown setting");
  }

  @Test
  void a_per_club_override_applies_to_that_club_only() {
    GymOpsConfig config =
        parse(
            """
            clubs:
              - id: main
              - id: late
                access: {grace_period_days: 7}
                messaging: {sending_window: {end: "21:00"}}
                invoices: {enabled: false}
            access:
              max_locks_per_run: 5
            """);

    ClubSettings main = config.club(new ClubId("main")).orElseThrow();
    ClubSettings late = config.club(new ClubId("late")).orElseThrow();
    assertThat(main.policy().access().gracePeriodDays()).isEqualTo(3);
    assertThat(late.policy().access().gracePeriodDays()).isEqualTo(7);
    // The club inherits the global values it does not override, not the built-in defaults.
    assertThat(main.policy().access().maxLocksPerRun()).isEqualTo(5);
    assertThat(late.policy().access().maxLocksPerRun()).isEqualTo(5);
    assertThat(main.policy().messaging().window()).isEqualTo(SendingWindow.DEFAULT);
    assertThat(late.policy().messaging().window())
        .isEqualTo(new SendingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0)));
    assertThat(main.workflow(WorkflowId.BATCH_INVOICES).enabled()).isTrue();
    assertThat(late.workflow(WorkflowId.BATCH_INVOICES))
        .isEqualTo(new WorkflowSchedule(false, "monthly 1 07:00"));
  }

  @Test
  void problems_inside_a_club_override_carry_the_club_path() {
    assertThat(
            problemsOf(
                """
                clubs:
                  - id: main
                    access: {grace_period_days: soon}
                    referral: {anchor_date: 2026-01-06}
                """))
        .containsExactly(
            "clubs[0].access.grace_period_days: 'soon' is not a whole number",
            "clubs[0].referral.anchor_date: 2026-01-06 is a Tuesday, not a Monday");
  }

  @Test
  void provider_and_wording_settings_cannot_be_overridden_per_club() {
    assertThat(problemsOf("clubs: [{id: main, messaging: {sms_provider: log}}]"))
        .containsExactly(
            "clubs[0].messaging.sms_provider: applies to every club; set it in the top-level"
                + " messaging section");
  }

  @Test
  void the_database_password_comes_from_the_environment() {
    GymOpsConfig config =
        parse(
            """
            database: {url: "jdbc:postgresql://127.0.0.1:5432/gymops", user: gymops}
            """,
            Map.of("GYMOPS_DATABASE_PASSWORD", "s3cret"));

    assertThat(config.database())
        .isEqualTo(
            new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:5432/gymops", "gymops", "s3cret", 10));
    assertThat(config.database().toString()).doesNotContain("s3cret");
  }

  @Test
  void the_environment_overrides_the_database_url_and_user_of_the_file() {
    GymOpsConfig config =
        parse(
            "database: {url: 'jdbc:h2:mem:file', user: file_user, pool_size: 3}",
            Map.of(
                "GYMOPS_DATABASE_URL", "jdbc:postgresql://db:5432/gymops",
                "GYMOPS_DATABASE_USER", "env_user",
                "GYMOPS_DATABASE_PASSWORD", "pw"));

    assertThat(config.database())
        .isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/gymops", "env_user", "pw", 3));
  }

  @Test
  void blank_environment_variables_count_as_unset() {
    GymOpsConfig config =
        parse(
            "database: {url: 'jdbc:h2:mem:file'}",
            Map.of("GYMOPS_DATABASE_URL", "", "GYMOPS_DATABASE_PASSWORD", " "));

    assertThat(config.database().jdbcUrl()).contains("jdbc:h2:mem:file");
    assertThat(config.database().password()).isNull();
  }

  @Test
  void a_database_url_from_the_environment_is_checked_too() {
    assertThatThrownBy(() -> parse("", Map.of("GYMOPS_DATABASE_URL", "postgres://db/gymops")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("GYMOPS_DATABASE_URL (environment): 'postgres://db/gymops' is not");
  }

  @Test
  void a_password_in_the_file_is_rejected() {
    assertThat(problemsOf("database: {password: hunter2}"))
        .containsExactly(
            "database.password: secrets come from the environment: set GYMOPS_DATABASE_PASSWORD");
  }

  @Test
  void a_yaml_syntax_error_gives_its_line_and_column() {
    assertThat(problemsOf("clubs:\n  - id: main\n    name: [unclosed\naccess: {}\n"))
        .singleElement(STRING)
        .startsWith("line 4, column 7: ")
        .contains("while parsing a flow sequence");
  }

  @Test
  void a_key_written_twice_is_a_syntax_error_with_its_line() {
    assertThat(problemsOf("access:\n  grace_period_days: 3\n  grace_period_days: 5\n"))
        .singleElement(STRING)
        .isEqualTo("line 3, column 20: Duplicate field 'grace_period_days'");
  }

  @Test
  void duplicate_club_ids_are_a_problem() {
    assertThat(problemsOf("clubs: [{id: main}, {id: east}, {id: main}]"))
        .containsExactly("clubs[2].id: 'main' is already the id of clubs[0]");
  }

  @Test
  void an_anchor_date_that_is_not_a_monday_is_a_problem() {
    assertThat(problemsOf("referral: {anchor_date: 2026-01-04}"))
        .containsExactly("referral.anchor_date: 2026-01-04 is a Sunday, not a Monday");
    assertThat(problemsOf("referral: {anchor_date: 2026-02-30}"))
        .containsExactly(
            "referral.anchor_date: '2026-02-30' is not a date (use YYYY-MM-DD, e.g. 2026-01-05)");
  }

  @Test
  void a_sending_window_that_starts_after_it_ends_is_a_problem_of_the_section() {
    assertThat(problemsOf("messaging: {sending_window: {start: '21:00', end: '08:00'}}"))
        .containsExactly(
            "messaging.sending_window: sending window start 21:00 must be before end 08:00");
  }

  @Test
  void rules_that_contradict_each_other_are_a_problem_of_the_section() {
    assertThat(problemsOf("clubs: [{id: main, collections: {firm_amount: 120}}]"))
        .containsExactly("clubs[0].collections: final amount must be >= firm amount");
  }

  @Test
  void a_record_rule_is_not_checked_against_stand_in_defaults_after_a_bad_value() {
    // With firm_amount unreadable, comparing final_amount 30 with the default firm amount 50
    // would report a mistake the user did not make.
    assertThat(problemsOf("collections: {firm_amount: '20.001', final_amount: 30}"))
        .containsExactly("collections.firm_amount: amount 20.001 has more than two decimals");
  }

  @Test
  void loads_a_config_file_from_disk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("gymops.yml");
    Files.writeString(file, "clubs: [{id: north, timezone: Asia/Tokyo}]\n");

    GymOpsConfig config = ConfigLoader.load(Optional.of(file), Map.of(), SYSTEM_ZONE);

    assertThat(onlyClub(config).club().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void a_missing_config_file_given_explicitly_is_an_error_naming_the_path(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.yml");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of(), SYSTEM_ZONE))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + missing + " does not exist");
  }

  @Test
  void notifications_and_the_approval_kinds_are_read_and_bad_values_named() {
    GymOpsConfig config =
        parse(
            """
            approvals: {campaign_recipients: 250, large_campaign: true, referral_list: false,
                        every_lock: true}
            notifications: {daily_summary_at: "19:30"}
            """);

    assertThat(config.notifications().summaryTime()).contains(LocalTime.of(19, 30));
    assertThat(config.approvals().campaignRecipients()).isEqualTo(250);
    assertThat(onlyClub(config).policy().approvals())
        .isEqualTo(new com.gymops.policy.ApprovalGates(250, false, true));
    assertThat(parse("").notifications().summaryTime()).contains(LocalTime.of(18, 0));
    assertThat(parse("notifications: {daily_summary_at: off}").notifications().summaryTime())
        .isEmpty();
    assertThat(
            problemsOf(
                "notifications: {daily_summary_at: \"25:00\"}\n"
                    + "approvals: {campaign_recipients: 0, every_lock: maybe}\n"))
        .anySatisfy(p -> assertThat(p).startsWith("notifications.daily_summary_at: '25:00'"))
        .anySatisfy(p -> assertThat(p).startsWith("approvals.campaign_recipients: must be"))
        .anySatisfy(p -> assertThat(p).startsWith("approvals.every_lock:"));
  }

  @Test
  void the_run_lease_is_the_default_formula_unless_set_and_must_outlast_the_agent() {
    assertThat(parse("").server().runLease()).isNull();
    assertThat(parse("server: {run_lease: PT20S}\nagent: {max_seconds: 10}\n").server().runLease())
        .isEqualTo(java.time.Duration.ofSeconds(20));
    assertThat(parse("server: {run_lease: 15m}\n").server().runLease())
        .isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(problemsOf("server: {run_lease: PT20S}\nagent: {max_seconds: 30}\n"))
        .anySatisfy(problem -> assertThat(problem).contains("run_lease", "outlast the run"));
    assertThat(problemsOf("server: {run_lease: soon}\n"))
        .anySatisfy(problem -> assertThat(problem).contains("run_lease"));
  }

  @Test
  void fewer_than_four_missed_heartbeats_is_refused_as_db_scheduler_would_when_serve_starts() {
    assertThat(parse("server: {missed_heartbeats: 4}\n").server().missedHeartbeats()).isEqualTo(4);
    assertThat(problemsOf("server: {missed_heartbeats: 2}\n"))
        .anySatisfy(problem -> assertThat(problem).contains("missed_heartbeats"));
  }

  @Test
  void payments_name_the_provider_its_hosts_and_take_secrets_from_the_environment_only() {
    String club = "clubs: [{id: main, timezone: America/New_York}]\n";
    GymOpsConfig none = parse(club);
    assertThat(none.payments().provider()).isEqualTo("none");
    assertThat(none.payments().stripe().baseUrl()).isEqualTo("https://api.stripe.com");
    assertThat(none.payments().square().baseUrl()).isEqualTo("https://connect.squareup.com");
    assertThat(none.payments().waitForProviderRetry()).isFalse();

    GymOpsConfig stripe =
        parse(
            club
                + "payments: {provider: stripe, wait_for_provider_retry: true,"
                + " stripe: {base_url: \"http://127.0.0.1:9/\", tolerance_seconds: 120}}\n",
            Map.of("GYMOPS_STRIPE_WEBHOOK_SECRET", "whsec_x", "GYMOPS_STRIPE_API_KEY", "sk_x"));
    assertThat(stripe.payments().isStripe()).isTrue();
    assertThat(stripe.payments().waitForProviderRetry()).isTrue();
    assertThat(stripe.payments().stripe().baseUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(stripe.payments().stripe().tolerance()).isEqualTo(java.time.Duration.ofSeconds(120));
    assertThat(stripe.payments().stripe().webhookSecret()).isEqualTo("whsec_x");
    assertThat(stripe.payments().toString()).doesNotContain("whsec_x", "sk_x");

    assertThat(problemsOf(club + "payments: {provider: paypal}\n"))
        .singleElement()
        .satisfies(problem -> assertThat(problem).startsWith("payments.provider: 'paypal'"));
    assertThat(problemsOf(club + "payments: {provider: square}\n"))
        .containsExactly(
            "payments.square.notification_url: is needed with payments.provider: square: the URL"
                + " given to Square for the subscription, which Square's signature covers");
    assertThat(problemsOf(club + "payments: {stripe: {webhook_secret: whsec_x}}\n"))
        .singleElement()
        .satisfies(problem -> assertThat(problem).contains("GYMOPS_STRIPE_WEBHOOK_SECRET"));
  }

  @Test
  void a_square_location_id_is_read_as_written_and_anything_but_an_id_is_refused() {
    String square =
        "clubs: [{id: main, timezone: America/New_York}]\n"
            + "payments: {provider: square, square: {notification_url:"
            + " \"https://gym.example.com/webhooks/square\"";
    GymOpsConfig without = parse(square + "}}\n", Map.of("GYMOPS_SQUARE_ACCESS_TOKEN", "EAAAx"));
    assertThat(without.payments().square().locationId()).isNull();
    assertThat(without.payments().square().issuesInvoices()).isFalse();

    GymOpsConfig with =
        parse(
            square + ", location_id: L1A2B3C4D5}}\n",
            Map.of("GYMOPS_SQUARE_ACCESS_TOKEN", "EAAAx"));
    assertThat(with.payments().square().locationId()).isEqualTo("L1A2B3C4D5");
    assertThat(with.payments().square().issuesInvoices()).isTrue();
    assertThat(parse(square + ", location_id: L1A2B3C4D5}}\n").payments().square().issuesInvoices())
        .as("no access token, no invoice")
        .isFalse();

    assertThat(problemsOf(square + ", location_id: \"L1 main\"}}\n"))
        .containsExactly(
            "payments.square.location_id: 'L1 main' is not a Square location id (letters and"
                + " digits, as L1234ABCD)");
  }

  private static GymOpsConfig parse(String yaml) {
    return parse(yaml, Map.of());
  }

  private static GymOpsConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, env, SYSTEM_ZONE);
  }

  private static ClubSettings onlyClub(GymOpsConfig config) {
    assertThat(config.clubs()).hasSize(1);
    return config.clubs().get(0);
  }

  private static List<String> problemsOf(String yaml) {
    ConfigException failure = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
    assertThat(failure).as("a ConfigException for:%n%s", yaml).isNotNull();
    return failure.problems();
  }
}
