package com.gymops.application.accounts;

import com.gymops.domain.ConsoleUser;

/** What a login attempt came to. */
public sealed interface LoginResult {
  /**
   * @param token the session's secret, for the cookie only: the database keeps its hash
   */
  record LoggedIn(String token, ConsoleUser user) implements LoginResult {}

  /**
   * @param reason what the person is told: never which of the email or the password was wrong
   * @param throttled whether too many failures locked logins out for a while
   */
  record Refused(String reason, boolean throttled) implements LoginResult {}
}
