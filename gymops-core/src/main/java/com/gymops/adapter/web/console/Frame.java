package com.gymops.adapter.web.console;

import com.gymops.application.accounts.SignedIn;

/**
 * What the layout of every console page needs: the title, the active tab, who is signed in and the
 * token their forms carry.
 *
 * @param email null on the login page
 * @param csrf the session's CSRF token (the login form's own before a session exists)
 * @param owner whether the user is an owner, who also sees the Audit page
 */
public record Frame(
    String title,
    String active,
    String email,
    String role,
    String csrf,
    boolean canAct,
    boolean owner) {
  static Frame of(String title, String active, SignedIn who) {
    return new Frame(
        title,
        active,
        who.user().email(),
        who.user().role().code(),
        who.session().csrfToken(),
        who.user().role().mayAct(),
        who.user().role().managesUsers());
  }

  static Frame anonymous(String title, String loginCsrf) {
    return new Frame(title, "", null, null, loginCsrf, false, false);
  }

  public boolean signedIn() {
    return email != null;
  }

  /** htmx sends this header with every request it makes, so its posts carry the token too. */
  public String csrfHeader() {
    return "{\"" + ConsoleRoutes.CSRF_HEADER + "\": \"" + csrf + "\"}";
  }
}
