package com.gymops.application.tools;

import static com.gymops.application.tools.ToolClub.TODAY;
import static com.gymops.application.tools.ToolClub.input;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.Member;
import com.gymops.domain.Note;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanToolsTest {
  private static final String RUN = "run-test-past-due-monitoring";

  @TempDir Path directory;

  private ToolClub club;
  private final List<Member> small = new ArrayList<>();
  private final Member large = aMember().withBalance("95.00", TODAY.minusDays(5)).build();
  private final Member unreachable =
      aMember().withBalance("20.00", TODAY.minusDays(5)).withPhone(null).withEmail(null).build();

  @BeforeEach
  void club() {
    for (int i = 0; i < 12; i++) {
      small.add(aMember().withBalance("20.00", TODAY.minusDays(5)).build());
    }
    club = new ToolClub(directory).add(small.toArray(Member[]::new)).add(large, unreachable);
    club.staffNote(small.get(0), "Payment plan agreed on the phone, first payment Friday", 3);
    club.staffNote(small.get(1), "Old note", 90);
  }

  @AfterEach
  void close() {
    club.close();
  }

  @Test
  void review_plan_counts_match_the_plan() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    JsonNode review = ToolCatalog.call("review_plan", input("{}"), session).content();

    assertThat(review.at("/actions/send_reminder/total").asInt()).isEqualTo(14);
    assertThat(review.at("/actions/send_reminder/by_detail/friendly").asInt()).isEqualTo(13);
    assertThat(review.at("/actions/send_reminder/by_detail/firm").asInt()).isEqualTo(1);
    assertThat(review.get("total_actions").asInt()).isEqualTo(session.plan().actions().size());
    assertThat(review.at("/by_status/pending").asInt()).isEqualTo(14);
    assertThat(review.get("members_with_actions").asInt()).isEqualTo(14);
    assertThat(review.get("total_amount").decimalValue()).isEqualByComparingTo("355.00");
    assertThat(review.at("/summary/members_processed").asInt()).isEqualTo(14);
  }

  @Test
  void review_plan_lists_staff_notes_large_balances_and_missing_contacts_as_exceptions() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    JsonNode exceptions =
        ToolCatalog.call("review_plan", input("{}"), session).content().get("exceptions");

    assertThat(exceptions.get("total").asInt()).isEqualTo(3);
    assertThat(reasonsOf(exceptions, small.get(0)))
        .contains("by dana.front-desk: Payment plan agreed");
    assertThat(reasonsOf(exceptions, large)).contains("at least 3x the plan's median of $20.00");
    assertThat(reasonsOf(exceptions, unreachable)).contains("no phone and no email");
    assertThat(reasonsOf(exceptions, small.get(1))).isEmpty();
  }

  @Test
  void review_plan_pages_its_exceptions() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    JsonNode first =
        ToolCatalog.call("review_plan", input("{\"limit\":2}"), session)
            .content()
            .get("exceptions");
    JsonNode second =
        ToolCatalog.call("review_plan", input("{\"offset\":2,\"limit\":2}"), session)
            .content()
            .get("exceptions");

    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("next_offset").asInt()).isEqualTo(2);
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("next_offset").isNull()).isTrue();
    assertThat(second.get("items").get(0).get("member_id").asText())
        .isNotIn(
            first.get("items").get(0).get("member_id").asText(),
            first.get("items").get(1).get("member_id").asText());
  }

  @Test
  void hold_actions_holds_the_members_and_leaves_a_review_note() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult result =
        ToolCatalog.call(
            "hold_actions",
            input(
                "{\"member_ids\":[\""
                    + small.get(0).id()
                    + "\"],\"reason\":\"staff note says a payment plan was agreed\"}"),
            session);

    assertThat(result.isError()).isFalse();
    assertThat(session.holds())
        .extracting(Hold::memberId)
        .containsExactly(small.get(0).id().value());
    assertThat(club.stores.notes().ofMember(small.get(0).id()))
        .extracting(Note::text)
        .contains("Held for manager review: staff note says a payment plan was agreed");
    ToolResult reminder =
        ToolCatalog.call(
            "send_payment_reminder",
            input("{\"member_id\":\"" + small.get(0).id() + "\",\"type\":\"friendly\"}"),
            session);
    assertThat(reminder.error()).startsWith("held for manager review in this run");
  }

  @Test
  void the_eleventh_hold_of_a_run_is_refused() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);
    String ten =
        small.subList(0, 10).stream()
            .map(m -> "\"" + m.id() + "\"")
            .collect(Collectors.joining(","));

    ToolResult first =
        ToolCatalog.call(
            "hold_actions", input("{\"member_ids\":[" + ten + "],\"reason\":\"check\"}"), session);
    ToolResult eleventh =
        ToolCatalog.call(
            "hold_actions",
            input("{\"member_ids\":[\"" + small.get(10).id() + "\"],\"reason\":\"check\"}"),
            session);

    assertThat(first.content().get("held").asInt()).isEqualTo(10);
    assertThat(eleventh.isError()).isTrue();
    assertThat(eleventh.content().at("/results/0/error").asText()).contains("hold limit reached");
    assertThat(session.holds()).hasSize(10);
    assertThat(session.guardBlocks()).extracting(GuardBlock::tool).containsExactly("hold_actions");
    assertThat(club.stores.notes().ofMember(small.get(10).id())).isEmpty();
  }

  @Test
  void execute_plan_skips_held_members_and_executes_exactly_the_rest() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);
    Member held = small.get(0);
    ToolCatalog.call(
        "send_payment_reminder",
        input("{\"member_id\":\"" + small.get(1).id() + "\",\"type\":\"friendly\"}"),
        session);
    ToolCatalog.call(
        "hold_actions",
        input("{\"member_ids\":[\"" + held.id() + "\"],\"reason\":\"payment plan\"}"),
        session);

    JsonNode result = ToolCatalog.call("execute_plan", input("{}"), session).content();
    JsonNode again = ToolCatalog.call("execute_plan", input("{}"), session).content();

    assertThat(result.get("executed_now").asInt()).isEqualTo(12);
    assertThat(result.at("/outcomes/done").asInt()).isEqualTo(11);
    assertThat(result.at("/outcomes/undeliverable").asInt()).isEqualTo(1);
    assertThat(result.get("held").asInt()).isEqualTo(1);
    assertThat(result.get("executed_before").asInt()).isEqualTo(1);
    assertThat(again.get("executed_now").asInt()).isZero();
    List<OutboundMessage> sent = club.stores.outbox().ofRun(RUN);
    assertThat(sent).hasSize(12).noneMatch(m -> held.id().equals(m.memberId()));
    assertThat(club.stores.attempts().ofMember(held.id())).isEmpty();
    assertThat(club.stores.attempts().ofMember(unreachable.id())).hasSize(1);
    assertThat(club.stores.attempts().count()).isEqualTo(13);
    assertThat(club.stores.notes().ofMember(held.id()))
        .extracting(Note::author)
        .containsExactly("dana.front-desk", "GymOps");
    assertThat(club.stores.notes().count()).isEqualTo(3);
  }

  private static String reasonsOf(JsonNode exceptions, Member member) {
    for (JsonNode item : exceptions.get("items")) {
      if (item.get("member_id").asText().equals(member.id().value())) {
        return item.get("reasons").toString();
      }
    }
    return "";
  }
}
