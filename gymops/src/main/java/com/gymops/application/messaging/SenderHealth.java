package com.gymops.application.messaging;

import com.gymops.application.port.store.SenderPauses;
import com.gymops.application.run.ManagerMessages;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Club;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the SMS provider accepts our sender at all. An error of the sender itself (Twilio 30034
 * unregistered 10DLC, 30032 unverified toll-free, 30007 carrier filtering, 21606 a From number that
 * cannot send) would fail every following text the same way, so the sender is paused: texts stay
 * queued, one per dispatch pass goes out as the test send, and the first one accepted lifts the
 * pause. Each club's manager is told once, with what to fix.
 */
public final class SenderHealth {
  /** Twilio's errors of the sender, not of one message: every text would fail the same way. */
  public static final Set<Integer> SENDER_ERRORS = Set.of(30007, 30032, 30034, 21606);

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

  /** Records the refusal; alerts the managers only when the sender was not paused yet. */
  public void refused(String sender, int errorCode, String error, Instant now) {
    SenderPauses.Pause pause = new SenderPauses.Pause(sender, errorCode, error, now);
    if (!pauses.pause(pause)) {
      return;
    }
    String text =
        "Texts are paused: the SMS provider refuses the sender "
            + sender
            + " ("
            + error
            + "). "
            + whatToFix(errorCode)
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

  /** What the club must do about a sender refused with {@code errorCode}. */
  public static String whatToFix(int errorCode) {
    return switch (errorCode) {
      case 30034 ->
          "Register the brand and an A2P 10DLC campaign for this number in the Twilio console"
              + " (use case Account Notifications for dues, Marketing for campaigns).";
      case 30032 -> "Verify the toll-free number in the Twilio console (Toll-Free Verification).";
      case 30007 ->
          "Carriers filter these texts: check the campaign's registration and the message content,"
              + " and ask Twilio support which filter applies.";
      default -> "Check the sending number or messaging service in the Twilio console.";
    };
  }
}
