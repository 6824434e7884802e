package com.gymops.application.tools;

import static com.gymops.application.tools.ToolClub.TODAY;
import static com.gymops.application.tools.ToolClub.input;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.WorkflowId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberToolsTest {
  @TempDir Path directory;

  private ToolClub club;
  private final Member friendly = aMember().withBalance("30.00", TODAY.minusDays(10)).build();
  private final Member firm = aMember().withBalance("60.00", TODAY.minusDays(20)).build();
  private final Member finalNoLock = aMember().withBalance("150.00", TODAY.minusDays(30)).build();
  private final Member lockable = aMember().withBalance("120.00", TODAY.minusDays(40)).build();

  @BeforeEach
  void club() {
    club =
        new ToolClub(directory)
            .add(friendly, firm, finalNoLock, lockable)
            .reminded(firm, 5)
            .reminded(finalNoLock, 10, 20)
            .reminded(lockable, 8, 12, 16, 20);
  }

  @AfterEach
  void close() {
    club.close();
  }

  @Test
  void a_planned_reminder_is_sent_once_and_a_second_call_is_already_done() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);
    String call = "{\"member_id\":\"" + firm.id() + "\",\"type\":\"firm\"}";

    ToolResult first = ToolCatalog.call("send_payment_reminder", input(call), session);
    ToolResult second = ToolCatalog.call("send_payment_reminder", input(call), session);

    assertThat(first.isError()).isFalse();
    assertThat(first.content().get("outcome").asText()).isEqualTo("done");
    assertThat(second.isError()).isTrue();
    assertThat(second.error()).startsWith("already done in this run");
    assertThat(club.stores.outbox().ofMember(firm.id())).hasSize(1);
    assertThat(club.stores.attempts().ofMember(firm.id()))
        .filteredOn(a -> a.kind() == AttemptKind.FIRM)
        .hasSize(1);
    assertThat(session.guardBlocks()).hasSize(1);
  }

  @Test
  void a_reminder_of_another_tier_is_refused_naming_the_policys_tier() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult result =
        ToolCatalog.call(
            "send_payment_reminder",
            input("{\"member_id\":\"" + firm.id() + "\",\"type\":\"final\"}"),
            session);

    assertThat(result.isError()).isTrue();
    assertThat(result.error())
        .startsWith("not permitted by the policy")
        .contains("the policy plans a firm reminder for " + firm.id() + ", not final");
    assertThat(club.stores.outbox().ofMember(firm.id())).isEmpty();
    assertThat(session.guardBlocks())
        .containsExactly(
            new GuardBlock("send_payment_reminder", firm.id().value(), result.error()));
  }

  @Test
  void a_lock_the_policy_did_not_plan_is_refused_with_the_attempts_it_needs() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult refused =
        ToolCatalog.call(
            "lock_door_for_member",
            input("{\"member_id\":\"" + finalNoLock.id() + "\",\"reason\":\"owes a lot\"}"),
            session);
    ToolResult locked =
        ToolCatalog.call(
            "lock_door_for_member",
            input("{\"member_id\":\"" + lockable.id() + "\",\"reason\":\"4 reminders\"}"),
            session);

    assertThat(refused.error())
        .isEqualTo(
            "not permitted by the policy: no lock is planned for "
                + finalNoLock.id()
                + ": 2 attempts, lock needs 4");
    assertThat(club.stores.members().find(finalNoLock.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    assertThat(locked.isError()).isFalse();
    assertThat(club.stores.members().find(lockable.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
  }

  @Test
  void a_planned_note_is_written_with_the_policys_text_and_an_unplanned_one_is_refused() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult planned =
        ToolCatalog.call(
            "add_member_note",
            input(
                "{\"member_id\":\""
                    + lockable.id()
                    + "\",\"note\":\"locked\",\"priority\":\"urgent\",\"category\":\"billing\"}"),
            session);
    ToolResult unplanned =
        ToolCatalog.call(
            "add_member_note",
            input(
                "{\"member_id\":\""
                    + friendly.id()
                    + "\",\"note\":\"hi\",\"category\":\"billing\"}"),
            session);

    assertThat(planned.content().get("text").asText()).startsWith("Door locked: past due $120.00");
    assertThat(club.stores.notes().ofMember(lockable.id())).hasSize(1);
    assertThat(unplanned.error()).contains("no billing note is planned for " + friendly.id());
    assertThat(club.stores.notes().ofMember(friendly.id())).isEmpty();
  }

  @Test
  void a_tool_of_another_workflow_is_refused() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult result =
        ToolCatalog.call(
            "send_bulk_campaign",
            input("{\"template\":\"prospect_welcome\",\"member_ids\":[\"" + friendly.id() + "\"]}"),
            session);

    assertThat(result.error())
        .contains("'send_bulk_campaign' is not available in a past-due-monitoring run")
        .contains("daily-campaigns");
    assertThat(club.stores.outbox().ofMember(friendly.id())).isEmpty();
  }

  @Test
  void malformed_input_gives_an_error_naming_the_field() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult missing =
        ToolCatalog.call("send_payment_reminder", input("{\"type\":\"firm\"}"), session);
    ToolResult wrongEnum =
        ToolCatalog.call(
            "send_payment_reminder",
            input("{\"member_id\":\"" + firm.id() + "\",\"type\":\"gentle\"}"),
            session);
    ToolResult unknownField =
        ToolCatalog.call(
            "get_member_profile",
            input("{\"member_id\":\"" + firm.id() + "\",\"verbose\":true}"),
            session);
    ToolResult outOfRange =
        ToolCatalog.call("get_past_due_members", input("{\"limit\":5000}"), session);
    ToolResult unknownTool = ToolCatalog.call("drop_tables", input("{}"), session);

    assertThat(missing.error()).contains("missing required field 'member_id'");
    assertThat(wrongEnum.error()).contains("field 'type' is 'gentle'", "friendly, firm, final");
    assertThat(unknownField.error()).contains("unknown field 'verbose'");
    assertThat(outOfRange.error()).contains("field 'limit' must be at most 200");
    assertThat(unknownTool.error()).contains("no tool named 'drop_tables'");
    assertThat(club.stores.outbox().ofMember(firm.id())).isEmpty();
  }

  @Test
  void read_tools_show_members_attempts_and_doors_without_changing_anything() {
    ToolSession session = club.session(WorkflowId.PAST_DUE_MONITORING);

    ToolResult list =
        ToolCatalog.call("get_past_due_members", input("{\"min_amount\":50,\"limit\":2}"), session);
    ToolResult attempts =
        ToolCatalog.call(
            "get_collection_attempts",
            input("{\"member_id\":\"" + lockable.id() + "\",\"days_back\":14}"),
            session);
    ToolResult door =
        ToolCatalog.call(
            "check_member_access_status",
            input("{\"member_id\":\"" + lockable.id() + "\"}"),
            session);
    ToolResult profile =
        ToolCatalog.call("get_member_profile", input("{\"member_id\":\"NOPE\"}"), session);

    assertThat(list.content().get("total").asInt()).isEqualTo(3);
    assertThat(list.content().get("members")).hasSize(2);
    assertThat(list.content().get("members").get(0).get("member_id").asText())
        .isEqualTo(finalNoLock.id().value());
    assertThat(list.content().get("next_offset").asInt()).isEqualTo(2);
    assertThat(attempts.content().get("total").asInt()).isEqualTo(2);
    assertThat(door.content().get("planned_door_actions").get(0).get("action").asText())
        .isEqualTo("lock_door");
    assertThat(profile.error()).contains("no member 'NOPE'");
    assertThat(club.stores.outbox().ofRun("run-test-past-due-monitoring")).isEmpty();
  }
}
