package com.gymops.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.run.RunReport.ReportedAction;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.PlannedMessage;
import com.gymops.testing.TestClub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plan says exactly what is sent: whatever workflow runs at whatever hour, every member message
 * it queued is one its plan shows, with the same channel, text, segments and not-before.
 */
class PlannedMessagesProperties {
  @Property(tries = 12)
  void every_queued_member_message_is_the_planned_one(
      @ForAll WorkflowId workflow, @ForAll("hours") LocalTime time) throws IOException {
    Path directory = Files.createTempDirectory("planned-messages");
    try (TestClub club = TestClub.in(directory)) {
      ClubPopulation.seed(club);
      Instant at = ClubPopulation.local(ClubPopulation.TODAY, time);
      club.clock().set(at);

      RunReport report = club.run(workflow, at);

      List<ReportedAction> planned =
          report.actions().stream().filter(action -> action.message() != null).toList();
      List<OutboundMessage> queued =
          club.stores().outbox().ofRun(report.runId()).stream()
              .filter(message -> message.memberId() != null)
              .toList();
      assertThat(queued)
          .hasSize((int) planned.stream().filter(a -> a.outcome().equals("done")).count());
      for (OutboundMessage message : queued) {
        assertThat(planned)
            .as("the plan of %s shows the message queued for %s", workflow, message.memberId())
            .anySatisfy(
                action -> {
                  PlannedMessage shown = action.message();
                  assertThat(action.memberId()).isEqualTo(message.memberId().value());
                  assertThat(shown.channel()).isEqualTo(message.channel());
                  assertThat(shown.recipient()).isEqualTo(message.recipient());
                  assertThat(shown.text()).isEqualTo(message.body());
                  assertThat(shown.segments()).isEqualTo(message.segments());
                  assertThat(shown.notBefore()).isEqualTo(message.notBefore());
                  assertThat(Objects.equals(shown.subject(), message.subject())).isTrue();
                });
      }
    } finally {
      deleteRecursively(directory);
    }
  }

  /** The property is not vacuous: the populated club gets member messages from these runs. */
  @Example
  void the_population_gives_the_messaging_workflows_something_to_send() throws IOException {
    Path directory = Files.createTempDirectory("planned-messages");
    try (TestClub club = TestClub.in(directory)) {
      ClubPopulation.seed(club);
      for (WorkflowId workflow :
          List.of(
              WorkflowId.PAST_DUE_MONITORING,
              WorkflowId.DAILY_CAMPAIGNS,
              WorkflowId.BATCH_INVOICES,
              WorkflowId.DOOR_ACCESS)) {
        RunReport report = club.run(workflow, ClubPopulation.scheduled(workflow));
        assertThat(report.actions()).as(workflow.id()).anyMatch(a -> a.message() != null);
      }
    } finally {
      deleteRecursively(directory);
    }
  }

  @Provide
  Arbitrary<LocalTime> hours() {
    return Arbitraries.integers().between(0, 23).map(hour -> LocalTime.of(hour, 0));
  }

  private static void deleteRecursively(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
