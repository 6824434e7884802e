package com.gymops.application.run;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.DeliveryTiming;
import com.gymops.policy.Recipient;
import com.gymops.policy.SendingWindow;
import com.gymops.testing.TestClub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever club-local hour a workflow runs at, including the days the clocks change, no member
 * message is queued to leave outside the sending window. One database for the whole property; each
 * try seeds members of its own.
 */
class QueuedMessageTimingProperties {
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
  private static final List<WorkflowId> MESSAGING =
      List.of(
          WorkflowId.PAST_DUE_MONITORING,
          WorkflowId.DOOR_ACCESS,
          WorkflowId.BATCH_INVOICES,
          WorkflowId.DAILY_CAMPAIGNS);

  private Path directory;
  private TestClub club;
  private int tries;

  @BeforeProperty
  void open() throws IOException {
    directory = Files.createTempDirectory("gymops-timing");
    club = TestClub.in(directory);
  }

  @AfterProperty
  void close() throws IOException {
    club.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(QueuedMessageTimingProperties::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 30)
  void no_member_message_is_queued_to_leave_outside_the_sending_window(
      @ForAll @IntRange(min = 0, max = 364) int dayOfYear,
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 59) int minute,
      @ForAll @IntRange(min = 0, max = 3) int workflowIndex) {
    LocalDate day = FIRST_DAY.plusDays(dayOfYear);
    String prefix = "T" + (++tries) + "-";
    club.seed(
        aMember().withId(prefix + "debt").withBalance("30.00", day.minusDays(5)).build(),
        aMember().withId(prefix + "big").withBalance("150.00", day.minusDays(20)).build(),
        aMember().withId(prefix + "stop").optedOut().withBalance("60.00", day.minusDays(9)).build(),
        aMember().withId(prefix + "prospect").withStatus(MemberStatus.PROSPECT).build());
    Instant at = TestClub.at(day.atTime(LocalTime.of(hour, minute)));

    RunReport report = club.run(MESSAGING.get(workflowIndex), at);

    SendingWindow window = club.config().clubs().get(0).policy().messaging().window();
    List<OutboundMessage> queued =
        club.stores().outbox().ofRun(report.runId()).stream()
            .filter(message -> message.memberId() != null)
            .toList();
    for (OutboundMessage message : queued) {
      Member member = club.stores().members().find(message.memberId()).orElseThrow();
      Recipient recipient = Recipient.of(member, club.config().clubs().get(0).club());
      assertThat(DeliveryTiming.isInside(message.notBefore(), recipient, window))
          .as("%s queued at %s to leave at %s", message.templateKey(), at, message.notBefore())
          .isTrue();
      // The rules see the start of the run's hour or day as now; nothing leaves before it.
      assertThat(message.notBefore())
          .isAfterOrEqualTo(at.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS));
      assertThat(message.notBefore()).isBefore(at.plus(25, ChronoUnit.HOURS));
    }
  }
}
