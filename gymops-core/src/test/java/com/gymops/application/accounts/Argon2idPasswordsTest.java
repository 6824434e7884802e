package com.gymops.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2idPasswordsTest {
  /** A cheap cost keeps the test fast; the format and the check are the same. */
  private final Argon2idPasswords passwords = new Argon2idPasswords(1024, 1, 1);

  @Test
  void a_hash_is_a_salted_argon2id_phc_string_that_matches_only_its_password() {
    String hash = passwords.hash("correct horse battery".toCharArray());

    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(passwords.matches("correct horse battery".toCharArray(), hash)).isTrue();
    assertThat(passwords.matches("correct horse battery!".toCharArray(), hash)).isFalse();
    assertThat(passwords.hash("correct horse battery".toCharArray()))
        .as("salted")
        .isNotEqualTo(hash);
  }

  @Test
  void a_hash_made_at_another_cost_still_matches_with_the_cost_it_names() {
    String stored = Argon2idPasswords.OWASP.hash("a long pass phrase".toCharArray());

    assertThat(stored).contains("m=19456,t=2,p=1");
    assertThat(passwords.matches("a long pass phrase".toCharArray(), stored)).isTrue();
  }

  @Test
  void a_malformed_stored_hash_matches_nothing() {
    assertThat(passwords.matches("x".toCharArray(), "plain-text")).isFalse();
    assertThat(passwords.matches("x".toCharArray(), "$2a$10$bcrypt")).isFalse();
  }
}
