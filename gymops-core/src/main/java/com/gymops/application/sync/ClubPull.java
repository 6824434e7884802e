package com.gymops.application.sync;

import com.gymops.application.payments.PaymentService;
import com.gymops.domain.ClubId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pull from the club system and what follows it, the same for {@code serve}'s tick and {@code
 * gymops sync}: a pull that merged members is followed by the door of every member it left locked
 * for a debt they no longer owe (paid at the front desk), opened now rather than at the next
 * door-access run.
 */
public final class ClubPull {
  private final ClubSync sync;
  private final PaymentService payments;

  public ClubPull(ClubSync sync, PaymentService payments) {
    this.sync = sync;
    this.payments = payments;
  }

  /**
   * @param clubs the clubs whose paid-up doors are looked at after the pull
   * @throws com.gymops.application.port.ClubSystemException when the club system cannot be read
   */
  public Report now(List<ClubId> clubs) {
    ClubSync.Result result = sync.pull();
    Map<ClubId, Integer> opened = new LinkedHashMap<>();
    if (result.merged() > 0) {
      for (ClubId club : clubs) {
        opened.put(club, payments.openPaidUpDoors(club));
      }
    }
    return new Report(result, opened);
  }

  /**
   * @param doorsOpened per club, the paid-up members whose doors were evaluated after the pull
   */
  public record Report(ClubSync.Result pull, Map<ClubId, Integer> doorsOpened) {
    public Report {
      doorsOpened = Map.copyOf(doorsOpened);
    }
  }
}
