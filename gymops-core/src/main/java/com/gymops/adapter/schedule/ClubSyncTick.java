package com.gymops.adapter.schedule;

import com.gymops.application.payments.PaymentService;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.sync.ClubPull;
import com.gymops.application.sync.ClubSync;
import com.gymops.domain.ClubId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The club-system pull the scheduler runs every 15 minutes, on one node at a time. A pull that
 * merged members is followed by the door of every member it left locked for a debt they no longer
 * owe (paid at the front desk): unlocked now, not at the next hourly door-access run.
 */
public final class ClubSyncTick {
  private static final Logger LOG = LoggerFactory.getLogger(ClubSyncTick.class);

  private final ClubPull pull;
  private final List<ClubId> clubs;

  public ClubSyncTick(ClubSync sync, PaymentService payments, List<ClubId> clubs) {
    this.pull = new ClubPull(sync, payments);
    this.clubs = List.copyOf(clubs);
  }

  /** A failure is logged and waits for the next tick, which repeats the pull from the watermark. */
  void run() {
    ClubPull.Report report;
    try {
      report = pull.now(clubs);
    } catch (ClubSystemException e) {
      LOG.warn("club system pull failed: {}", e.getMessage());
      return;
    }
    ClubSync.Result result = report.pull();
    if (result.merged() > 0 || !result.problems().isEmpty()) {
      LOG.info(
          "club system: {} members merged, {} skipped {}",
          result.merged(),
          result.problems().size(),
          result.problems());
    }
    report
        .doorsOpened()
        .forEach(
            (club, opened) -> {
              if (opened > 0) {
                LOG.info(
                    "club {}: {} paid-up members' doors evaluated after the pull", club, opened);
              }
            });
  }
}
