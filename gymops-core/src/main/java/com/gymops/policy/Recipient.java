package com.gymops.policy;

import com.gymops.domain.AreaCodes;
import com.gymops.domain.Club;
import com.gymops.domain.Member;
import com.gymops.domain.UsState;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the person a message goes to is, as far as the law of texting hours cares: their US state
 * ({@code null} when nothing tells) and the zone their local time is read in.
 */
public record Recipient(UsState state, ZoneId zone) {
  public Recipient {
    Objects.requireNonNull(zone, "zone");
  }

  /** A person of unknown state in {@code zone}: the federal rule alone applies. */
  public static Recipient in(ZoneId zone) {
    return new Recipient(null, zone);
  }

  /** Where {@code member} of {@code club} is: see {@link #locate}. */
  public static Recipient of(Member member, Club club) {
    return locate(member.state(), member.phone(), club);
  }

  /**
   * The state is the address's when known, else the phone's area code's, else the club's. The zone
   * is the area code's when it lies in that state, else the club's when the club is in that state,
   * else the state's main zone, else the club's.
   */
  public static Recipient locate(UsState addressState, String phone, Club club) {
    AreaCodes areaCodes = AreaCodes.shipped();
    Optional<AreaCodes.Location> area = areaCodes.locate(phone);
    UsState state =
        addressState != null
            ? addressState
            : area.map(AreaCodes.Location::state).orElse(club.state());
    if (state == null) {
      return in(club.zone());
    }
    if (area.isPresent() && area.get().state().equals(state)) {
      return new Recipient(state, area.get().zone());
    }
    if (state.equals(club.state())) {
      return new Recipient(state, club.zone());
    }
    return new Recipient(state, areaCodes.mainZone(state).orElse(club.zone()));
  }
}
