package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gymops users}: the console's accounts at the command line. */
class UsersCommandTest {
  private static final Map<String, String> SHELL = Map.of("USER", "dana");
  private static final String PASSWORD = "a long pass phrase\n";

  @TempDir Path work;

  private CliRun users(String stdin, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "users";
    System.arraycopy(args, 0, command, 1, args.length);
    return CliRun.withStdin(work, SHELL, stdin, command);
  }

  @Test
  void users_are_added_with_a_password_from_stdin_listed_and_disabled() {
    CliRun owner = users(PASSWORD, "add", "Ana@Example.com", "--role", "owner", "--password-stdin");
    CliRun manager =
        users(
            PASSWORD,
            "add",
            "bo@example.com",
            "--role",
            "manager",
            "--club",
            "main",
            "--password-stdin");

    assertThat(owner.exitCode()).as(owner.err()).isZero();
    assertThat(owner.out()).isEqualTo("added ana@example.com (owner, all clubs)\n");
    assertThat(manager.exitCode()).as(manager.err()).isZero();
    assertThat(manager.out()).isEqualTo("added bo@example.com (manager, main)\n");

    CliRun listed = users("", "list");
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out().lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("ana@example.com").contains("owner", "enabled"))
        .anySatisfy(l -> assertThat(l).startsWith("bo@example.com").contains("manager", "main"));
    assertThat(listed.out()).as("no password or hash is printed").doesNotContain("pass", "$");

    CliRun disabled = users("", "disable", "bo@example.com");
    assertThat(disabled.exitCode()).as(disabled.err()).isZero();
    assertThat(disabled.out()).isEqualTo("disabled bo@example.com; 0 open sessions ended\n");
    assertThat(users("", "list").out().lines())
        .anySatisfy(l -> assertThat(l).startsWith("bo@example.com").endsWith("disabled"));
  }

  @Test
  void an_empty_list_says_how_to_add_the_first_user() {
    assertThat(users("", "list").out()).contains("No users yet. Add one with: gymops users add");
  }

  @Test
  void bad_input_is_refused_with_the_reason_and_adds_no_one() {
    CliRun role = users(PASSWORD, "add", "ana@example.com", "--role", "boss", "--password-stdin");
    CliRun email = users(PASSWORD, "add", "not-an-email", "--role", "staff", "--password-stdin");
    CliRun club =
        users(
            PASSWORD,
            "add",
            "ana@example.com",
            "--role",
            "staff",
            "--club",
            "east",
            "--password-stdin");
    CliRun empty = users("", "add", "ana@example.com", "--role", "staff", "--password-stdin");
    CliRun shortPassword =
        users("short\n", "add", "ana@example.com", "--role", "staff", "--password-stdin");
    CliRun unknown = users("", "disable", "nobody@example.com");

    assertThat(role.exitCode()).isNotZero();
    assertThat(role.err()).contains("--role: ").contains("boss");
    assertThat(email.exitCode()).isNotZero();
    assertThat(email.err()).contains("'not-an-email' is not an email address");
    assertThat(club.exitCode()).isNotZero();
    assertThat(club.err()).contains("no club east in the configuration");
    assertThat(empty.exitCode()).isNotZero();
    assertThat(empty.err()).contains("--password-stdin: standard input has no password");
    assertThat(shortPassword.exitCode()).isNotZero();
    assertThat(shortPassword.err()).contains("12");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("no user nobody@example.com");
    assertThat(users("", "list").out()).contains("No users yet");
  }

  @Test
  void the_same_email_cannot_be_added_twice() {
    users(PASSWORD, "add", "ana@example.com", "--role", "staff", "--password-stdin");

    CliRun again = users(PASSWORD, "add", "ANA@example.com", "--role", "owner", "--password-stdin");

    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("a user ana@example.com already exists");
  }
}
