package com.gymops.domain;

import java.util.Locale;

/** What a console user may do: staff read, managers also act, owners also manage users. */
public enum ConsoleRole {
  OWNER,
  MANAGER,
  STAFF;

  public boolean mayAct() {
    return this != STAFF;
  }

  public boolean managesUsers() {
    return this == OWNER;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code text} (owner, manager or staff, any case). */
  public static ConsoleRole parse(String text) {
    for (ConsoleRole role : values()) {
      if (role.code().equalsIgnoreCase(text.trim())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a role (use owner, manager or staff)");
  }
}
