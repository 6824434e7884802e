package com.gymops.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.care.Actor;
import com.gymops.application.care.Audit;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.ConsoleUser;
import com.gymops.testing.MutableClock;
import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, logins and sessions on the embedded database, with the clock stepped by hand. */
class AccountsTest {
  private static final String PASSWORD = "a long pass phrase";
  private static final ClubId MAIN = new ClubId("main");
  private static final Actor BY = Actor.person("cli:test");

  @TempDir Path directory;
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private Database database;
  private Accounts accounts;

  @BeforeEach
  void open() {
    database = TestDatabases.embedded(directory);
    accounts =
        new Accounts(
            Persistence.consoleUsers(database),
            Persistence.consoleSessions(database),
            Persistence.loginThrottle(database),
            new Argon2idPasswords(1024, 1, 1),
            new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12)),
            Set.of(MAIN),
            new Audit(Persistence.stores(database).audit(), clock),
            clock);
    accounts.add(BY, "Ana@Example.com", ConsoleRole.MANAGER, Set.of(MAIN), PASSWORD.toCharArray());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_user_logs_in_by_email_in_any_case_and_the_session_is_found_by_its_token() {
    LoginResult result = accounts.login("ANA@example.com ", PASSWORD.toCharArray(), "10.0.0.1");

    assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
    String token = ((LoginResult.LoggedIn) result).token();
    SignedIn who = accounts.signedIn(token).orElseThrow();
    assertThat(who.user().email()).isEqualTo("ana@example.com");
    assertThat(who.session().tokenHash()).isNotEqualTo(token).hasSize(64);
    assertThat(who.session().csrfToken()).isNotBlank().isNotEqualTo(token);
    assertThat(accounts.signedIn(token + "x")).isEmpty();
  }

  @Test
  void a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    LoginResult wrong =
        accounts.login("ana@example.com", "not the password".toCharArray(), "10.0.0.1");
    LoginResult unknown = accounts.login("bob@example.com", PASSWORD.toCharArray(), "10.0.0.1");

    assertThat(wrong).isEqualTo(new LoginResult.Refused("wrong email or password", false));
    assertThat(unknown).isEqualTo(wrong);
  }

  @Test
  void five_failures_lock_the_account_even_for_the_right_password_for_fifteen_minutes() {
    for (int i = 0; i < 5; i++) {
      accounts.login("ana@example.com", "guess".toCharArray(), "10.0.0." + i);
    }

    LoginResult locked = accounts.login("ana@example.com", PASSWORD.toCharArray(), "10.0.0.99");
    assertThat(locked).isInstanceOf(LoginResult.Refused.class);
    assertThat(((LoginResult.Refused) locked).throttled()).isTrue();

    clock.advance(Duration.ofMinutes(15));
    assertThat(accounts.login("ana@example.com", PASSWORD.toCharArray(), "10.0.0.99"))
        .isInstanceOf(LoginResult.LoggedIn.class);
  }

  @Test
  void twenty_failures_from_one_address_lock_that_address_out_for_every_account() {
    for (int i = 0; i < 20; i++) {
      accounts.login("user" + i + "@example.com", "guess".toCharArray(), "10.9.9.9");
    }

    LoginResult fromThere = accounts.login("ana@example.com", PASSWORD.toCharArray(), "10.9.9.9");
    assertThat(((LoginResult.Refused) fromThere).throttled()).isTrue();
    assertThat(accounts.login("ana@example.com", PASSWORD.toCharArray(), "10.1.1.1"))
        .isInstanceOf(LoginResult.LoggedIn.class);
  }

  @Test
  void a_session_ends_when_idle_when_too_old_and_at_logout() {
    String idle = token();
    clock.advance(Duration.ofMinutes(31));
    assertThat(accounts.signedIn(idle)).isEmpty();

    String busy = token();
    for (int i = 0; i < 12 * 4; i++) {
      clock.advance(Duration.ofMinutes(15));
      accounts.signedIn(busy);
    }
    assertThat(accounts.signedIn(busy)).as("12 hours after login").isEmpty();

    String out = token();
    accounts.logout(accounts.signedIn(out).orElseThrow());
    assertThat(accounts.signedIn(out)).isEmpty();
  }

  @Test
  void using_a_session_keeps_it_alive_past_the_idle_timeout() {
    String token = token();
    clock.advance(Duration.ofMinutes(20));
    accounts.signedIn(token);
    clock.advance(Duration.ofMinutes(20));

    assertThat(accounts.signedIn(token)).isPresent();
  }

  @Test
  void disabling_a_user_ends_their_sessions_and_refuses_their_logins() {
    String token = token();

    assertThat(accounts.disable(BY, "ana@example.com")).isEqualTo(1);

    assertThat(accounts.signedIn(token)).isEmpty();
    assertThat(accounts.login("ana@example.com", PASSWORD.toCharArray(), "10.0.0.1"))
        .isInstanceOf(LoginResult.Refused.class);
  }

  @Test
  void bad_users_are_refused_with_the_reason() {
    assertThatThrownBy(
            () ->
                accounts.add(
                    BY, "not-an-email", ConsoleRole.STAFF, Set.of(), PASSWORD.toCharArray()))
        .hasMessage("'not-an-email' is not an email address");
    assertThatThrownBy(
            () ->
                accounts.add(
                    BY, "bo@example.com", ConsoleRole.STAFF, Set.of(), "short".toCharArray()))
        .hasMessage("the password must have at least 12 characters");
    assertThatThrownBy(
            () ->
                accounts.add(
                    BY,
                    "bo@example.com",
                    ConsoleRole.STAFF,
                    Set.of(new ClubId("east")),
                    PASSWORD.toCharArray()))
        .hasMessage("no club east in the configuration");
    assertThatThrownBy(
            () ->
                accounts.add(
                    BY, "ana@example.com", ConsoleRole.OWNER, Set.of(), PASSWORD.toCharArray()))
        .hasMessage("a user ana@example.com already exists");
    assertThat(accounts.users()).extracting(ConsoleUser::email).containsExactly("ana@example.com");
  }

  private String token() {
    return ((LoginResult.LoggedIn)
            accounts.login("ana@example.com", PASSWORD.toCharArray(), "10.0.0.1"))
        .token();
  }
}
