package com.gymops.application.care;

import static com.gymops.application.run.ClubPopulation.BIG_DEBT;
import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.ClubPopulation;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approvals of {@code approvals.*} beyond the breaker: a large campaign, a referral list, and
 * with {@code every_lock} each lock. Each is filed as the breaker's is, executes through the same
 * engine, re-validated per member and exactly once, and a denial or expiry executes nothing.
 */
class GatedApprovalsTest {
  private static final Instant SIX = local(TODAY, LocalTime.of(6, 0));
  private static final Instant NINE = local(TODAY, LocalTime.of(9, 0));
  private static final Instant TEN = local(TODAY, LocalTime.of(10, 0));
  private static final Actor DANA = Actor.person("dana");

  @TempDir Path directory;
  private TestClub club;
  private Approvals approvals;
  private WorkflowRunner runner;

  private void open(String moreConfig) {
    club = TestClub.in(directory, moreConfig);
    ActionExecutor executor = new ActionExecutor(club.stores(), MessageTemplates.defaults());
    CsvReportWriter reports = new CsvReportWriter(club.reports());
    runner =
        Runners.runner(
            club.config(),
            club.stores(),
            executor,
            Runners.planner(club.stores(), MessageTemplates.defaults()),
            reports,
            club.clock(),
            WorkflowRunner.NO_AGENT,
            Runners.filing(club.config(), club.stores(), club.clock()));
    approvals =
        new Approvals(
            club.config(),
            club.stores().approvals(),
            runner,
            new Audit(club.stores().audit(), club.clock()),
            club.clock(),
            reports);
  }

  @AfterEach
  void close() {
    if (club != null) {
      club.close();
    }
  }

  private RunReport run(WorkflowId workflow, Instant at) {
    club.clock().set(at);
    return runner.run(new RunRequest(workflow, TestClub.MAIN, RunMode.RULES, false, at));
  }

  private Approval thePending() {
    List<Approval> pending = approvals.list(DANA, TestClub.MAIN, true);
    assertThat(pending).hasSize(1);
    return pending.get(0);
  }

  private long marketingTexts() {
    return club.count("SELECT COUNT(*) FROM outbound_message WHERE purpose = 'MARKETING'");
  }

  private void seedProspects(int count) {
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      members.add(
          aMember()
              .withId(String.format("P%03d", i))
              .withStatus(MemberStatus.PROSPECT)
              .withConsent(true)
              .build());
    }
    club.seed(members.toArray(Member[]::new));
  }

  @Test
  void a_campaign_over_the_threshold_waits_then_sends_once_minus_members_who_opted_out() {
    open("");
    seedProspects(101);

    RunReport report = run(WorkflowId.DAILY_CAMPAIGNS, SIX);
    run(WorkflowId.DAILY_CAMPAIGNS, SIX.plus(Duration.ofMinutes(30)));

    assertThat(marketingTexts()).isZero();
    assertThat(report.skipped()).containsEntry("campaign awaiting approval", 101);
    Approval approval = thePending();
    assertThat(approval.kind()).isEqualTo(Approval.Kind.LARGE_CAMPAIGN);
    assertThat(approval.summary())
        .isEqualTo("send 101 campaign texts, above approvals.campaign_recipients 100");
    assertThat(approval.actions()).hasSize(101).allSatisfy(a -> assertThat(a.text()).isNotBlank());

    club.stores().members().setSmsOptedOut(new MemberId("P007"), true, SIX.plusSeconds(60));
    club.clock().set(SIX.plus(Duration.ofHours(1)));
    Approvals.Decision decision = approvals.approve(DANA, approval.id());

    assertThat(decision.note()).startsWith("executed 100 of 101 actions");
    assertThat(marketingTexts()).isEqualTo(100);
    assertThat(club.stores().outbox().ofMember(new MemberId("P007"))).isEmpty();
    assertThat(decision.approval().actions())
        .filteredOn(a -> a.memberId().value().equals("P007"))
        .extracting(ApprovalAction::outcome)
        .containsExactly(Approvals.DROPPED);
    assertThatThrownBy(() -> approvals.approve(DANA, approval.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not pending");
    approvals.settle();
    // A later run of the day plans the sent texts again and finds their keys taken.
    run(WorkflowId.DAILY_CAMPAIGNS, SIX.plus(Duration.ofHours(2)));
    assertThat(marketingTexts()).isEqualTo(100);
  }

  @Test
  void a_campaign_at_the_threshold_goes_without_approval() {
    open("");
    seedProspects(100);

    run(WorkflowId.DAILY_CAMPAIGNS, SIX);

    assertThat(marketingTexts()).isEqualTo(100);
    assertThat(approvals.list(DANA, TestClub.MAIN, false)).isEmpty();
  }

  @Test
  void large_campaign_false_sends_a_large_campaign_at_once() {
    open("approvals: {large_campaign: false}\n");
    seedProspects(101);

    run(WorkflowId.DAILY_CAMPAIGNS, SIX);

    assertThat(marketingTexts()).isEqualTo(101);
    assertThat(approvals.list(DANA, TestClub.MAIN, false)).isEmpty();
  }

  @Test
  void a_denied_or_expired_campaign_sends_nothing() {
    open("approvals: {campaign_recipients: 2}\n");
    seedProspects(3);
    run(WorkflowId.DAILY_CAMPAIGNS, SIX);
    Approval denied = thePending();

    approvals.deny(DANA, denied.id(), "not this week");
    club.clock().set(SIX.plus(Duration.ofHours(5)));
    approvals.settle();
    assertThat(marketingTexts()).isZero();

    // The next day's campaign is a new approval, and left alone it expires.
    run(WorkflowId.DAILY_CAMPAIGNS, SIX.plus(Duration.ofDays(1)));
    Approval next = thePending();
    club.clock().set(SIX.plus(Duration.ofDays(1)).plus(Duration.ofHours(4)));
    approvals.settle();
    assertThat(approvals.find(DANA, next.id()).status()).isEqualTo(Approval.Status.EXPIRED);
    assertThat(marketingTexts()).isZero();
  }

  @Test
  void a_referral_list_waits_before_anyone_is_referred_and_the_agency_file_is_written()
      throws Exception {
    open("");
    ClubPopulation.seed(club);

    RunReport report = run(WorkflowId.COLLECTIONS_REFERRAL, NINE);
    run(WorkflowId.COLLECTIONS_REFERRAL, NINE.plus(Duration.ofMinutes(10)));

    Path file = club.reports().resolve("referrals-main-" + TODAY + ".csv");
    assertThat(report.files()).isEmpty();
    assertThat(file).doesNotExist();
    assertThat(club.stores().referrals().ofMember(BIG_DEBT)).isEmpty();
    assertThat(club.stores().notes().ofMember(BIG_DEBT)).isEmpty();
    Approval approval = thePending();
    assertThat(approval.kind()).isEqualTo(Approval.Kind.REFERRAL_LIST);
    assertThat(approval.summary()).startsWith("refer 1 member to collections ($250.00");
    assertThat(approval.actions())
        .extracting(ApprovalAction::action)
        .containsExactly("refer_to_collections", "add_note", "notify_manager");

    club.clock().set(NINE.plus(Duration.ofHours(1)));
    Approvals.Decision decision = approvals.approve(DANA, approval.id());

    assertThat(decision.note()).contains("executed 3 of 3 actions", "agency file " + file);
    assertThat(club.stores().referrals().ofMember(BIG_DEBT)).singleElement();
    assertThat(file).exists();
    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(Files.readAllLines(file).get(1)).startsWith("D1,");
    approvals.settle();
    assertThat(club.stores().referrals().ofMember(BIG_DEBT)).singleElement();
  }

  @Test
  void a_denied_referral_list_refers_no_one() {
    open("");
    ClubPopulation.seed(club);
    run(WorkflowId.COLLECTIONS_REFERRAL, NINE);

    approvals.deny(DANA, thePending().id(), "the agency is closed this week");
    approvals.settle();

    assertThat(club.stores().referrals().ofMember(BIG_DEBT)).isEmpty();
    assertThat(club.reports().resolve("referrals-main-" + TODAY + ".csv")).doesNotExist();
  }

  @Test
  void every_lock_makes_each_lock_its_own_approval() {
    open("approvals: {every_lock: true}\n");
    club.seed(
        aMember().withId("L1").withBalance("30.00", TODAY.minusDays(5)).build(),
        aMember().withId("L2").withBalance("40.00", TODAY.minusDays(5)).build());

    run(WorkflowId.DOOR_ACCESS, TEN);
    run(WorkflowId.DOOR_ACCESS, TEN.plus(Duration.ofHours(1)));

    List<Approval> pending = approvals.list(DANA, TestClub.MAIN, true);
    assertThat(pending)
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.kind()).isEqualTo(Approval.Kind.LOCK));
    assertThat(door("L1")).isEqualTo(DoorAccess.OPEN);
    Approval first =
        pending.stream()
            .filter(a -> a.actions().get(0).memberId().value().equals("L1"))
            .findFirst()
            .orElseThrow();
    assertThat(first.actions())
        .extracting(ApprovalAction::action)
        .containsExactly("lock_door", "send_message", "add_note");

    club.clock().set(TEN.plus(Duration.ofHours(1)).plusSeconds(60));
    approvals.approve(DANA, first.id());

    assertThat(door("L1")).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(door("L2")).isEqualTo(DoorAccess.OPEN);
  }

  private DoorAccess door(String member) {
    return club.stores().members().find(new MemberId(member)).orElseThrow().door();
  }
}
