package com.gymops.schedule;

import com.gymops.sync.ClubSync;
import com.gymops.sync.ClubSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The club-system pull the scheduler runs every 15 minutes, on one node at a time. */
public final class ClubSyncTick {
  private static final Logger LOG = LoggerFactory.getLogger(ClubSyncTick.class);

  private final ClubSync sync;

  public ClubSyncTick(ClubSync sync) {
    this.sync = sync;
  }

  /** A failure is logged and waits for the next tick, which repeats the pull from the watermark. */
  void run() {
    try {
      ClubSync.Result result = sync.pull();
      if (result.merged() > 0 || !result.problems().isEmpty()) {
        LOG.info(
            "club system: {} members merged, {} skipped {}",
            result.merged(),
            result.problems().size(),
            result.problems());
      }
    } catch (ClubSystemException e) {
      LOG.warn("club system pull failed: {}", e.getMessage());
    }
  }
}
