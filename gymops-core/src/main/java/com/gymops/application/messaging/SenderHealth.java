package com.gymops.application.messaging;

import com.gymops.application.port.SenderProblem;
import com.gymops.application.port.store.SenderPauses;
import com.gymops.application.run.ManagerMessages;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Club;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the SMS provider accepts our sender at all. A refusal of the sender itself ({@link
 * SenderProblem}, which the gateway reads from its provider's codes) would fail every following
 * text the same way, so the sender is paused: texts stay queued, one per dispatch pass goes out as
 * the test send, and the first one accepted lifts the pause. Each club's manager is told once, with
 * what to fix.
 */
public final class SenderHealth {
  private final SenderPauses pauses;
  private final ManagerMessages manager;
  private final GymOpsConfig config;

  public SenderHealth(SenderPauses pauses, ManagerMessages manager, GymOpsConfig config) {
    this.pauses = pauses;
    this.manager = manager;
    this.config = config;
  }

  public Optional<SenderPauses.Pause> pause(String sender) {
    return pauses.find(sender);
  }

  /**
   * Records the refusal; alerts the managers only when the sender was not paused yet.
   *
   * @param providerCode the provider's code of the refusal, kept with the pause for the record
   */
  public void refused(
      String sender, SenderProblem problem, int providerCode, String error, Instant now) {
    SenderPauses.Pause pause = new SenderPauses.Pause(sender, providerCode, error, now);
    if (!pauses.pause(pause)) {
      return;
    }
    String text =
        "Texts are paused: the SMS provider refuses the sender "
            + sender
            + " ("
            + error
            + "). "
            + whatToFix(problem)
            + " Queued texts wait and leave once a test send succeeds.";
    for (var settings : config.clubs()) {
      Club club = settings.club();
      // A text to the manager would wait behind the very sender it reports: email when possible.
      Club reachable =
          club.managerEmail() == null
              ? club
              : new Club(
                  club.id(),
                  club.name(),
                  club.zone(),
                  null,
                  club.managerEmail(),
                  club.frontDeskPhone(),
                  club.state());
      manager.notify(reachable, "sender-paused:" + sender + ":" + now, text, now, null);
    }
  }

  /** A send was accepted: the sender works again. */
  public void accepted(String sender) {
    pauses.release(sender);
  }

  /**
   * What the club must do about its sender. The words name Twilio's console: it is the one SMS
   * provider GymOps speaks to (docs/COMPLIANCE.md).
   */
  public static String whatToFix(SenderProblem problem) {
    return switch (problem) {
      case UNREGISTERED_CAMPAIGN ->
          "Register the brand and an A2P 10DLC campaign for this number in the Twilio console"
              + " (use case Account Notifications for dues, Marketing for campaigns).";
      case UNVERIFIED_TOLL_FREE ->
          "Verify the toll-free number in the Twilio console (Toll-Free Verification).";
      case CARRIER_FILTERED ->
          "Carriers filter these texts: check the campaign's registration and the message content,"
              + " and ask Twilio support which filter applies.";
      case SENDER_NOT_ALLOWED ->
          "Check the sending number or messaging service in the Twilio console.";
    };
  }
}
