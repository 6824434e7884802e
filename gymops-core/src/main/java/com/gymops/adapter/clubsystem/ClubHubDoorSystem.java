package com.gymops.adapter.clubsystem;

import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ClubHub's bans as the door (docs/INTEGRATIONS.md): {@code PUT
 * /api/clubs/{club}/members/{id}/bans} with {@code {"member": {"id": N}, "note": ...}} keeps the
 * member out, {@code DELETE} on the same path lets them in, keyed by ClubHub's id of the member as
 * the last pull stored it. A ban ClubHub already has ("already banned") is done, as is lifting a
 * ban it no longer has (404), so asking again after a crash is harmless. Staff are never banned.
 * Thread-safe.
 */
public final class ClubHubDoorSystem implements DoorSystem {
  static final String NOTE = "Locked by GymOps for a past-due balance";

  private final ClubHubSession session;
  private final Map<ClubId, String> clubNumbers;
  private final ClubSystemLinks links;

  public ClubHubDoorSystem(
      ClubHubSession session, Map<ClubId, String> clubNumbers, ClubSystemLinks links) {
    this.session = session;
    this.clubNumbers = Map.copyOf(clubNumbers);
    this.links = links;
  }

  @Override
  public Result change(Member member, DoorAccess target) {
    Optional<ClubSystemLinks.Link> link = links.find(member.id());
    if (link.isEmpty()) {
      return Result.failed(
          "member " + member.id() + " has no ClubHub id yet: the next club-system pull brings it");
    }
    String club = clubNumbers.get(member.clubId());
    if (club == null) {
      return Result.failed("club " + member.clubId() + " has no club_system_id");
    }
    if (target.isLocked() && ClubSystemFacts.STAFF.equals(link.get().clubStatus())) {
      return Result.failed(
          "member " + member.id() + " is staff in ClubHub: GymOps never bans staff");
    }
    String externalId = link.get().externalId();
    String path = "/api/clubs/" + club + "/members/" + externalId + "/bans";
    try {
      if (target.isLocked()) {
        ClubHubSession.Response response =
            session.call(
                "PUT",
                path,
                Map.of("member", Map.of("id", numberOrText(externalId)), "note", NOTE));
        boolean already = response.error().toLowerCase(Locale.ROOT).contains("already banned");
        return response.ok() || already ? Result.applied() : failed("PUT", path, response);
      }
      ClubHubSession.Response response = session.call("DELETE", path, null);
      return response.ok() || response.status() == 404
          ? Result.applied()
          : failed("DELETE", path, response);
    } catch (ClubSystemException e) {
      return Result.failed(e.getMessage());
    }
  }

  private static Result failed(String method, String path, ClubHubSession.Response response) {
    return Result.failed(
        "ClubHub "
            + method
            + " "
            + path
            + " answered HTTP "
            + response.status()
            + ": "
            + response.error());
  }

  private static Object numberOrText(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return id;
    }
  }
}
