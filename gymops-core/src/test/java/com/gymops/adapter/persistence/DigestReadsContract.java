package com.gymops.adapter.persistence;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.DigestReads;
import com.gymops.application.port.store.DigestReads.ActionCount;
import com.gymops.application.port.store.DigestReads.MessageCount;
import com.gymops.application.port.store.Stores;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console digest's aggregate reads (V21) must answer on every database; subclasses run it
 * on SQLite and PostgreSQL.
 */
abstract class DigestReadsContract {
  private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
  private static final ClubId MAIN = new ClubId("main");

  protected abstract Database open();

  private Stores stores;
  private DigestReads digest;

  @BeforeEach
  void createStores() {
    Database database = open();
    stores = Persistence.stores(database);
    digest = new JdbiDigestReads(database.jdbi());
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      members.add(
          aMember()
              .withId(String.format("M%03d", i))
              .inClub("main")
              .named(i == 77 ? "Ana" : "Sam", i == 77 ? "Lopez_x" : "Member" + i)
              .build());
    }
    stores.members().upsertAll(members, NOW);
    List<ApprovalAction> actions = new ArrayList<>();
    int seq = 0;
    for (int i = 1; i <= 120; i++) {
      String template = i <= 70 ? "prospect_welcome" : "ppv_conversion";
      actions.add(
          new ApprovalAction(
              ++seq,
              new MemberId(String.format("M%03d", i)),
              "send_campaign",
              template,
              "campaign." + template,
              "{}",
              "{\"type\":\"SendCampaign\"}",
              "Hi member " + i,
              null));
    }
    actions.add(
        new ApprovalAction(
            ++seq, null, "notify_manager", "summary", "x", "{}", "{}", "to the manager", null));
    stores
        .approvals()
        .file(
            new Approval(
                "apr-1",
                MAIN,
                Approval.Kind.LARGE_CAMPAIGN,
                WorkflowId.DAILY_CAMPAIGNS,
                "send 120",
                "campaign",
                "run-1",
                NOW,
                NOW.plus(Duration.ofHours(4)),
                Approval.Status.PENDING,
                null,
                null,
                null,
                null,
                null,
                actions),
            "key-1");
  }

  @Test
  void an_approvals_actions_are_counted_by_action_and_template_with_their_members() {
    assertThat(digest.actionCounts("apr-1"))
        .containsExactly(
            new ActionCount("notify_manager", "summary", 1, 0),
            new ActionCount("send_campaign", "ppv_conversion", 50, 50),
            new ActionCount("send_campaign", "prospect_welcome", 70, 70));
    assertThat(digest.coveredMembers("apr-1")).isEqualTo(120);
    assertThat(digest.exampleText("apr-1", "send_campaign", "ppv_conversion"))
        .contains("Hi member 71");
    assertThat(digest.exampleText("apr-1", "add_note", null)).isEmpty();
    assertThat(digest.firstMemberIds("apr-1", 3)).containsExactly("M001", "M002", "M003");
  }

  @Test
  void the_review_list_pages_in_plan_order_and_finds_by_name_or_id() {
    assertThat(digest.countCoveredMembers("apr-1", "")).isEqualTo(120);
    assertThat(digest.coveredMemberIds("apr-1", "", 100, 50))
        .hasSize(20)
        .startsWith("M101")
        .endsWith("M120");
    assertThat(digest.coveredMemberIds("apr-1", "lopez_", 0, 50)).containsExactly("M077");
    assertThat(digest.countCoveredMembers("apr-1", "LOPEZ")).isEqualTo(1);
    assertThat(digest.coveredMemberIds("apr-1", "M012", 0, 50)).containsExactly("M012");
    assertThat(digest.coveredMemberIds("apr-1", "%", 0, 50)).isEmpty();
    assertThat(digest.covered("apr-1", List.of("M077")))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.name()).isEqualTo("Ana Lopez_x");
              assertThat(row.text()).isEqualTo("Hi member 77");
            });
  }

  @Test
  void a_runs_texts_are_counted_by_status_and_the_queued_by_when_they_are_due() {
    Instant eight = NOW.plus(Duration.ofHours(1));
    enqueue(1, MessageStatus.QUEUED, NOW, "run-9");
    enqueue(2, MessageStatus.QUEUED, eight, "run-9");
    enqueue(3, MessageStatus.QUEUED, eight, "run-9");
    enqueue(4, MessageStatus.QUEUED, eight, "run-other");
    assertThat(digest.messagesOfRun("run-9"))
        .containsExactlyInAnyOrder(
            new MessageCount(MessageStatus.QUEUED, NOW, 1),
            new MessageCount(MessageStatus.QUEUED, eight, 2));
    assertThat(digest.messagesOfRun("run-none")).isEmpty();
  }

  private void enqueue(int i, MessageStatus status, Instant due, String run) {
    stores
        .outbox()
        .enqueue(
            new OutboundMessage(
                0,
                "k" + i,
                MAIN,
                new MemberId(String.format("M%03d", i)),
                Channel.SMS,
                "+1201555010" + i,
                MessagePurpose.MARKETING,
                "prospect_welcome",
                null,
                "hi",
                1,
                status,
                NOW,
                due,
                null,
                null,
                run));
  }
}
