package com.gymops.adapter.door;

import com.gymops.application.port.ClubSystemFacts;
import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.DoorLinks;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import java.time.Clock;
import java.util.Optional;

/**
 * A door system with users of its own, called through its API (Kisi, Brivo, Openpath;
 * docs/INTEGRATIONS.md). A change goes in three steps: the member's user in the door system (kept
 * in {@link DoorLinks} once found by email, or the club system's id of the member), the change, and
 * reading the user back: a lock whose read-back still admits the member is a failure, as is an
 * unlock that still keeps them out. A member the door system does not know is a failure the manager
 * is told of, never a silent success. A kept id the door system no longer knows (404) is dropped
 * and looked up once more. Thread-safe.
 */
public abstract class ApiDoorSystem implements DoorSystem {
  /** The user was not there: a kept id the door system deleted since. */
  static final class UserGone extends RuntimeException {
    UserGone() {
      super(null, null, false, false);
    }
  }

  private final DoorSettings.Api settings;
  private final DoorLinks links;
  private final ClubSystemLinks clubLinks;
  private final Clock clock;

  ApiDoorSystem(
      DoorSettings.Api settings, DoorLinks links, ClubSystemLinks clubLinks, Clock clock) {
    this.settings = settings;
    this.links = links;
    this.clubLinks = clubLinks;
    this.clock = clock;
  }

  /** The system's name for the manager: "Kisi", "Brivo", "Openpath". */
  abstract String name();

  /** The user whose email is {@code email} (compared without case), if any. */
  abstract Optional<String> findByEmail(String email);

  /** The user the system holds under the external id {@code externalId}, if any. */
  abstract Optional<String> findByExternalId(String externalId);

  /**
   * Lets the user in or keeps them out.
   *
   * @throws UserGone when the system answers 404 for the user
   */
  abstract void admit(String userId, boolean admitted);

  /**
   * Whether the system now admits the user, read back.
   *
   * @throws UserGone when the system answers 404 for the user
   */
  abstract boolean admits(String userId);

  /**
   * Checks the credentials with a harmless read ({@code gymops doctor}).
   *
   * @return what was checked, for the doctor's line
   * @throws DoorApiException when the system refuses or cannot be reached
   */
  public abstract String check();

  @Override
  public final Result change(Member member, DoorAccess target) {
    boolean admitted = !target.isLocked();
    if (!admitted
        && clubLinks
            .find(member.id())
            .map(link -> ClubSystemFacts.STAFF.equals(link.clubStatus()))
            .orElse(false)) {
      return Result.failed(who(member) + " is staff in the club system: GymOps never locks staff");
    }
    try {
      Optional<String> kept = links.find(member.id(), settings.system());
      String userId = kept.isPresent() ? kept.get() : lookUp(member);
      try {
        return changeAndReadBack(member, userId, admitted);
      } catch (UserGone gone) {
        if (kept.isEmpty()) {
          return Result.failed(name() + " has no user " + userId + " for " + who(member));
        }
        links.forget(member.id(), settings.system());
        return changeAndReadBack(member, lookUp(member), admitted);
      }
    } catch (NotFound e) {
      return Result.failed(e.getMessage());
    } catch (UserGone e) {
      return Result.failed(name() + " lost the user of " + who(member) + " while GymOps asked");
    } catch (DoorApiException e) {
      return Result.failed(e.getMessage());
    }
  }

  private Result changeAndReadBack(Member member, String userId, boolean admitted) {
    admit(userId, admitted);
    boolean now = admits(userId);
    if (now != admitted) {
      return Result.failed(
          name()
              + " accepted the "
              + (admitted ? "unlock" : "lock")
              + " of "
              + who(member)
              + " but still shows the user "
              + (now ? "admitted" : "kept out")
              + " when read back");
    }
    return Result.applied();
  }

  private static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  private String lookUp(Member member) {
    Optional<String> found;
    if (settings.match() == DoorSettings.Match.CLUB_SYSTEM_ID) {
      Optional<ClubSystemLinks.Link> link = clubLinks.find(member.id());
      if (link.isEmpty()) {
        throw new NotFound(
            who(member)
                + " has no club-system id yet, so GymOps cannot find their "
                + name()
                + " user: the next club-system pull brings it");
      }
      found = findByExternalId(link.get().externalId());
      if (found.isEmpty()) {
        throw new NotFound(
            name()
                + " has no user with external id "
                + link.get().externalId()
                + " for "
                + who(member)
                + ": add it to the member's user in "
                + name());
      }
    } else {
      if (member.email() == null || member.email().isBlank()) {
        throw new NotFound(
            who(member)
                + " has no email, so GymOps cannot find their "
                + name()
                + " user: add the email the member uses in "
                + name());
      }
      found = findByEmail(member.email().strip());
      if (found.isEmpty()) {
        throw new NotFound(
            name()
                + " has no user with the email "
                + member.email().strip()
                + " ("
                + who(member)
                + "): add the member in "
                + name()
                + " or correct the email in GymOps");
      }
    }
    links.put(member.id(), settings.system(), found.get(), clock.instant());
    return found.get();
  }

  static String who(Member member) {
    return member.firstName() + " " + member.lastName() + " (" + member.id() + ")";
  }

  DoorSettings.Api settings() {
    return settings;
  }

  /** The user id as the path segment it goes into. */
  static String segment(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  static String query(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Gives up on a listing that never ends (a system repeating its last page). */
  static final int MOST_PAGES = 1_000;
}
