package com.gymops.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  @Test
  void counts_people_balances_doors_and_consent() {
    DemoData data =
        new DemoData(
            List.of(
                member("M1", MemberStatus.PROSPECT, null, "0", DoorAccess.OPEN, true, false),
                member(
                    "M2",
                    MemberStatus.ACTIVE,
                    TODAY.minusDays(3),
                    "0",
                    DoorAccess.OPEN,
                    true,
                    false),
                member(
                    "M3",
                    MemberStatus.ACTIVE,
                    TODAY.minusDays(400),
                    "49.99",
                    DoorAccess.OPEN,
                    false,
                    true),
                member(
                    "M4",
                    MemberStatus.PPV,
                    TODAY.minusDays(90),
                    "50.00",
                    DoorAccess.LOCKED_OTHER,
                    true,
                    false),
                member(
                    "M5",
                    MemberStatus.FROZEN,
                    TODAY.minusDays(900),
                    "199.99",
                    DoorAccess.LOCKED_FOR_PAYMENT,
                    false,
                    false),
                member(
                    "M6",
                    MemberStatus.CANCELLED,
                    TODAY.minusDays(60),
                    "200.00",
                    DoorAccess.LOCKED_FOR_PAYMENT,
                    true,
                    false)),
            List.of(
                new CollectionAttempt(
                    new MemberId("M3"),
                    Instant.parse("2026-03-01T14:00:00Z"),
                    AttemptKind.INVOICE,
                    Channel.EMAIL,
                    AttemptOutcome.DELIVERED)));

    DemoSummary summary = DemoSummary.of(data, TODAY);

    assertThat(summary.people()).isEqualTo(6);
    assertThat(summary.byStatus())
        .containsEntry(MemberStatus.PROSPECT, 1)
        .containsEntry(MemberStatus.ACTIVE, 2)
        .containsEntry(MemberStatus.PPV, 1)
        .containsEntry(MemberStatus.FROZEN, 1)
        .containsEntry(MemberStatus.CANCELLED, 1);
    assertThat(summary.green()).isEqualTo(1);
    assertThat(summary.pastDue()).isEqualTo(4);
    assertThat(summary.pastDueTotal()).isEqualTo(Money.parse("499.98"));
    assertThat(summary.pastDueUnder50()).isEqualTo(1);
    assertThat(summary.pastDue50To100()).isEqualTo(1);
    assertThat(summary.pastDue100To200()).isEqualTo(1);
    assertThat(summary.pastDue200AndOver()).isEqualTo(1);
    assertThat(summary.lockedForPayment()).isEqualTo(2);
    assertThat(summary.lockedOther()).isEqualTo(1);
    assertThat(summary.optedOut()).isEqualTo(1);
    assertThat(summary.withoutConsent()).isEqualTo(2);
    assertThat(summary.attempts()).isEqualTo(1);
  }

  @Test
  void counts_every_status_even_when_nobody_has_it() {
    DemoSummary summary = DemoSummary.of(new DemoData(List.of(), List.of()), TODAY);

    assertThat(summary.byStatus()).hasSize(MemberStatus.values().length).containsValue(0);
    assertThat(summary.pastDueTotal()).isEqualTo(Money.ZERO);
  }

  @Test
  void a_member_who_joined_thirty_one_days_ago_is_no_longer_green() {
    DemoData data =
        new DemoData(
            List.of(
                member(
                    "M1",
                    MemberStatus.ACTIVE,
                    TODAY.minusDays(30),
                    "0",
                    DoorAccess.OPEN,
                    true,
                    false),
                member(
                    "M2",
                    MemberStatus.ACTIVE,
                    TODAY.minusDays(31),
                    "0",
                    DoorAccess.OPEN,
                    true,
                    false),
                member(
                    "M3", MemberStatus.PPV, TODAY.minusDays(2), "0", DoorAccess.OPEN, true, false)),
            List.of());

    assertThat(DemoSummary.of(data, TODAY).green()).isEqualTo(1);
  }

  @Test
  void renders_aligned_lines_a_manager_can_read() {
    DemoData data =
        new DemoClubGenerator(TODAY, ZoneId.of("UTC")).generate(new ClubId("main"), 100_000, 1L);

    String text = DemoSummary.of(data, TODAY).render();

    assertThat(text.lines())
        .hasSize(7)
        .allSatisfy(line -> assertThat(line.substring(22, 25)).isEqualTo("   "));
    assertThat(text)
        .contains("People         100,000   ")
        .contains("joined in the last 30 days")
        .contains("owing $")
        .contains("under $50: ")
        .contains("for payment")
        .contains("opted out");
  }

  private static Member member(
      String id,
      MemberStatus status,
      LocalDate joinedOn,
      String pastDue,
      DoorAccess door,
      boolean consent,
      boolean optedOut) {
    Money amount = Money.parse(pastDue);
    return new Member(
        new MemberId(id),
        new ClubId("main"),
        "Ana",
        "García",
        "+12125550142",
        null,
        status,
        joinedOn,
        amount,
        amount.isPositive() ? TODAY.minusDays(20) : null,
        consent,
        optedOut,
        door);
  }
}
