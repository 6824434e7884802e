package com.gymops.application.care;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.Stores;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.Channel;
import com.gymops.domain.InboundMeaning;
import com.gymops.domain.InboundText;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.RunStatus;
import com.gymops.domain.TranscriptEntry;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataRetentionTest {
  private static final MemberId ANA = new MemberId("M1");
  private static final String PHONE = "+14155550101";

  @TempDir Path directory;
  private TestClub club;
  private Stores stores;
  private Instant now;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    stores = club.stores();
    now = club.clock().instant();
    stores.members().upsertAll(List.of(aMember().withId("M1").withPhone(PHONE).build()), now);
  }

  @AfterEach
  void close() {
    club.close();
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  private long message(String key, Instant createdAt, MessageStatus status) {
    long id =
        stores
            .outbox()
            .enqueue(
                new OutboundMessage(
                    0,
                    key,
                    TestClub.MAIN,
                    ANA,
                    Channel.SMS,
                    PHONE,
                    MessagePurpose.REMINDER,
                    "friendly",
                    null,
                    "Hi Ana, you owe $80.00",
                    1,
                    MessageStatus.QUEUED,
                    createdAt,
                    createdAt,
                    null,
                    null,
                    null,
                    null))
            .orElseThrow();
    if (status == MessageStatus.SENT) {
      stores.outbox().markSent(id, createdAt);
    }
    return id;
  }

  private void transcript(String runId, Instant at) {
    stores
        .runs()
        .start(
            new WorkflowRun(
                runId,
                WorkflowId.PAST_DUE_MONITORING,
                TestClub.MAIN,
                "agent",
                null,
                false,
                RunStatus.RUNNING,
                at,
                at,
                null,
                null,
                null));
    stores.transcripts().add(runId, List.of(new TranscriptEntry(1, "response", at, "Ana owes")));
  }

  private void inbound(String key, Instant at) {
    stores
        .inbound()
        .record(
            new InboundText(
                key,
                at,
                PHONE,
                null,
                "STOP texting me",
                InboundMeaning.OPT_OUT,
                null,
                List.of(ANA)));
  }

  @Test
  void serve_purges_texts_and_transcripts_older_than_the_retention_and_keeps_the_rest() {
    long oldSent = message("old-sent", daysAgo(91), MessageStatus.SENT);
    long oldQueued = message("old-queued", daysAgo(91), MessageStatus.QUEUED);
    long recentSent = message("recent-sent", daysAgo(89), MessageStatus.SENT);
    transcript("run-old", daysAgo(91));
    transcript("run-recent", daysAgo(89));
    inbound("SM-old", daysAgo(91));
    inbound("SM-recent", daysAgo(89));
    stores.payments().apply(new Payment("pay-1", ANA, Money.parse("80.00"), daysAgo(120)), now);
    Audit audit = new Audit(stores.audit(), club.clock());
    audit.record(Actor.person("ana"), TestClub.MAIN, "note", "member:M1", null, "x", null);
    PersonalDataRetention retention =
        new PersonalDataRetention(
            stores.transcripts(), stores.outbox(), stores.inbound(), 90, club.clock());

    retention.purgeIfDue();

    assertThat(stores.outbox().find(oldSent).orElseThrow().body())
        .isEqualTo(PersonalDataRetention.PURGED);
    assertThat(stores.outbox().find(oldSent).orElseThrow().recipient()).isEqualTo(PHONE);
    assertThat(stores.outbox().find(oldQueued).orElseThrow().body()).contains("Ana");
    assertThat(stores.outbox().find(recentSent).orElseThrow().body()).contains("Ana");
    assertThat(stores.transcripts().of("run-old")).isEmpty();
    assertThat(stores.transcripts().of("run-recent")).hasSize(1);
    assertThat(stores.inbound().from(PHONE))
        .extracting(InboundText::key, InboundText::body)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SM-recent", "STOP texting me"),
            org.assertj.core.groups.Tuple.tuple("SM-old", PersonalDataRetention.PURGED));
    assertThat(stores.inbound().from(PHONE))
        .allSatisfy(text -> assertThat(text.meaning()).isEqualTo(InboundMeaning.OPT_OUT));
    assertThat(stores.payments().count()).isEqualTo(1);
    assertThat(stores.audit().latest(10)).extracting(AuditEntry::action).contains("note");
  }

  @Test
  void a_purge_runs_at_most_once_a_day() {
    PersonalDataRetention retention =
        new PersonalDataRetention(
            stores.transcripts(), stores.outbox(), stores.inbound(), 90, club.clock());
    retention.purgeIfDue();
    long old = message("old-sent", daysAgo(91), MessageStatus.SENT);

    retention.purgeIfDue();
    assertThat(stores.outbox().find(old).orElseThrow().body()).contains("Ana");

    club.clock().advance(Duration.ofDays(1));
    retention.purgeIfDue();
    assertThat(stores.outbox().find(old).orElseThrow().body())
        .isEqualTo(PersonalDataRetention.PURGED);
  }
}
