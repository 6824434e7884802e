package com.gymops.application.tools;

import static com.gymops.application.tools.ToolClub.TODAY;
import static com.gymops.application.tools.ToolClub.input;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.WorkflowId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowToolsTest {
  @TempDir Path directory;

  private ToolClub club;

  @AfterEach
  void close() {
    club.close();
  }

  @Test
  void
      auto_manage_access_needs_the_clubs_thresholds_and_then_locks_and_unlocks_with_texts_and_notes() {
    Member overdue = aMember().withBalance("40.00", TODAY.minusDays(10)).build();
    Member paid = aMember().withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build();
    Member staffLock = aMember().withDoor(DoorAccess.LOCKED_OTHER).build();
    club = new ToolClub(directory).add(overdue, paid, staffLock);
    ToolSession session = club.session(WorkflowId.DOOR_ACCESS);

    ToolResult looser =
        ToolCatalog.call(
            "auto_manage_access_by_payment_status",
            input("{\"min_past_due_amount\":0.01,\"grace_period_days\":1}"),
            session);
    JsonNode done =
        ToolCatalog.call(
                "auto_manage_access_by_payment_status",
                input("{\"min_past_due_amount\":0.01,\"grace_period_days\":3}"),
                session)
            .content();
    ToolResult staffUnlock =
        ToolCatalog.call(
            "unlock_door_for_member", input("{\"member_id\":\"" + staffLock.id() + "\"}"), session);

    assertThat(looser.error()).contains("grace_period_days 3").contains("got 0.01 and 1");
    assertThat(done.get("locked").get(0).asText()).isEqualTo(overdue.id().value());
    assertThat(done.get("unlocked").get(0).asText()).isEqualTo(paid.id().value());
    assertThat(done.at("/outcomes/done").asInt()).isEqualTo(6);
    assertThat(club.stores.members().find(overdue.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(club.stores.members().find(paid.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    assertThat(club.stores.outbox().ofMember(overdue.id())).hasSize(1);
    assertThat(club.stores.notes().ofMember(paid.id())).hasSize(1);
    assertThat(staffUnlock.error()).contains("a lock set by staff that GymOps never lifts");
  }

  @Test
  void a_bulk_campaign_sends_to_the_planned_members_and_refuses_the_others_one_by_one() {
    Member prospect = aMember().withStatus(MemberStatus.PROSPECT).build();
    Member noConsent = aMember().withStatus(MemberStatus.PROSPECT).withConsent(false).build();
    club = new ToolClub(directory).add(prospect, noConsent);
    ToolSession session = club.session(WorkflowId.DAILY_CAMPAIGNS);

    JsonNode prospects = ToolCatalog.call("get_campaign_prospects", input("{}"), session).content();
    ToolResult result =
        ToolCatalog.call(
            "send_bulk_campaign",
            input(
                "{\"template\":\"prospect_welcome\",\"member_ids\":[\""
                    + prospect.id()
                    + "\",\""
                    + noConsent.id()
                    + "\"]}"),
            session);

    assertThat(prospects.get("total").asInt()).isEqualTo(2);
    assertThat(prospects.at("/members/0/planned_template").asText()).isEqualTo("prospect_welcome");
    assertThat(result.isError()).isFalse();
    assertThat(result.content().at("/results/0/outcome").asText()).isEqualTo("done");
    assertThat(result.content().at("/results/1/outcome").asText()).isEqualTo("refused");
    assertThat(result.content().at("/results/1/reason").asText())
        .contains("no prospect_welcome campaign is planned for " + noConsent.id());
    assertThat(club.stores.outbox().ofMember(prospect.id())).hasSize(1);
    assertThat(club.stores.outbox().ofMember(noConsent.id())).isEmpty();
  }

  @Test
  void the_referral_list_ignores_looser_thresholds_and_says_so() {
    Member referable = aMember().withBalance("80.00", TODAY.minusDays(20)).build();
    Member young = aMember().withBalance("80.00", TODAY.minusDays(5)).build();
    club =
        new ToolClub(directory)
            .add(referable, young)
            .reminded(referable, 3, 8, 15)
            .reminded(young, 1, 2, 4);
    ToolSession session = club.session(WorkflowId.COLLECTIONS_REFERRAL);

    JsonNode list =
        ToolCatalog.call(
                "generate_collections_referral_list",
                input("{\"min_attempts\":1,\"min_days_past_due\":1,\"min_amount\":10}"),
                session)
            .content();

    assertThat(list.get("total").asInt()).isEqualTo(1);
    assertThat(list.at("/members/0/member_id").asText()).isEqualTo(referable.id().value());
    assertThat(list.get("note").asText()).contains("looser than the club's rules");
    assertThat(club.stores.referrals().ofMember(referable.id())).isEmpty();
  }
}
