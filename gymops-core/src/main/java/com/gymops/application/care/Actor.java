package com.gymops.application.care;

import com.gymops.domain.ClubId;
import java.util.Objects;

/**
 * Who asks for a manual action: a person at the command line ({@code --by}), or an API token by its
 * name, which may be limited to one club.
 *
 * @param club the only club the actor may act on; {@code null} for every club
 */
public record Actor(String name, ClubId club) {
  public Actor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the actor's name is blank");
    }
  }

  /** A person at the command line, who may act on every club. */
  public static Actor person(String name) {
    return new Actor(name, null);
  }

  /**
   * @throws NotPermittedException when the actor is limited to another club
   */
  public void mustReach(ClubId target) {
    if (club != null && !club.equals(target)) {
      throw new NotPermittedException(
          name + " may act on club " + club + " only, not on club " + target);
    }
  }
}
