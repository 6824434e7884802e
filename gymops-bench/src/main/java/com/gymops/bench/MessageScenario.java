package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.Approval;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A one-off message to everyone (docs/ASK.md), timed as a manager meets it: the ask (planned by the
 * one runner under the campaigns' guard, every text filed as one approval) and the approval
 * (planned again for the listed members, the texts queued). Each repetition works on a fresh copy
 * of the seeded club, so that no repetition finds the texts of the one before. The baseline is the
 * day's campaign on another fresh copy: its rules run, which waits as one approval above {@code
 * approvals.campaign_recipients}, and that approval's execution. Both are compared per text.
 */
final class MessageScenario {
  private static final String WORDS =
      "Hi {first_name}, the pool reopens Saturday at 6am after its makeover. See you there!";

  private final BenchClub club;
  private final SeededClubs clubs;
  private final Consumer<String> progress;

  MessageScenario(BenchClub club, SeededClubs clubs, Consumer<String> progress) {
    this.club = club;
    this.clubs = clubs;
    this.progress = progress;
  }

  MessageFigures measure(BenchSettings settings) {
    SeededClubs.Template template = clubs.template(settings.members());
    List<Long> files = new ArrayList<>();
    List<Long> approvals = new ArrayList<>();
    List<Long> campaigns = new ArrayList<>();
    List<Long> campaignApprovals = new ArrayList<>();
    int texts = 0;
    int campaignTexts = 0;
    for (int i = 0; i < settings.warmups() + settings.repetitions(); i++) {
      boolean timed = i >= settings.warmups();
      Path copy = clubs.copy(template);
      try (GymOpsApp app = clubs.open(copy)) {
        long started = System.nanoTime();
        Approval filed =
            app.requests()
                .message(
                    new Actor("bench", club.club().id()),
                    club.club().id(),
                    MessageSegment.EVERYONE,
                    WORDS)
                .approval();
        long asked = System.nanoTime();
        app.approvals().approve(Actor.person("bench"), filed.id());
        long approved = System.nanoTime();
        texts = app.approvals().find(Actor.person("bench"), filed.id()).actions().size();
        if (timed) {
          files.add(asked - started);
          approvals.add(approved - asked);
        }
      } finally {
        clubs.delete(copy);
      }
      Path baseline = clubs.copy(template);
      try (GymOpsApp app = clubs.open(baseline)) {
        long started = System.nanoTime();
        app.runner()
            .run(
                new RunRequest(
                    WorkflowId.DAILY_CAMPAIGNS, club.club().id(), RunMode.RULES, false, club.at()));
        long ran = System.nanoTime();
        // Above approvals.campaign_recipients the day's campaign waits as one approval, as the
        // message does: approving it is the same path with the campaign's own texts.
        Approval campaign =
            app.approvals().list(Actor.person("bench"), club.club().id(), true).stream()
                .filter(a -> a.kind() == Approval.Kind.LARGE_CAMPAIGN)
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "the message scenario compares with the day's campaign waiting for"
                                + " approval, and this club's campaign did not wait (at most"
                                + " approvals.campaign_recipients texts): use --members 1000 or"
                                + " more"));
        long before = System.nanoTime();
        app.approvals().approve(Actor.person("bench"), campaign.id());
        long after = System.nanoTime();
        campaignTexts = campaign.actions().size();
        if (timed) {
          campaigns.add(ran - started);
          campaignApprovals.add(after - before);
        }
      } finally {
        clubs.delete(baseline);
      }
      progress.accept(
          String.format(
              "message %d/%d: %d texts%s",
              i + 1,
              settings.warmups() + settings.repetitions(),
              texts,
              timed ? "" : " (warm-up)"));
    }
    return new MessageFigures(
        settings.members(),
        texts,
        Timing.ofNanos(files),
        Timing.ofNanos(approvals),
        Timing.ofNanos(campaigns),
        Timing.ofNanos(campaignApprovals),
        campaignTexts);
  }
}
