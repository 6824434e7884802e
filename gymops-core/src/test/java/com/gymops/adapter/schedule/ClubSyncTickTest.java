package com.gymops.adapter.schedule;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.clubsystem.ClubSystemSimulator;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.OutboundMessage;
import com.gymops.policy.DoorAccessPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's club-system tick: a member who paid at the front desk is let in at once. */
class ClubSyncTickTest {
  // 15:00 UTC is 10:00 in New York: inside the lock and sending windows.
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-10T14:00:00Z");

  @TempDir Path directory;

  private ClubSystemSimulator simulator;
  private GymOpsApp app;
  private ClubSyncTick tick;

  @BeforeEach
  void start() {
    simulator = ClubSystemSimulator.start("club-token");
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, timezone: America/New_York}]\n"
                + "club_system: {system: http, http: {base_url: '"
                + simulator.baseUrl()
                + "'}}\n",
            Map.of("GYMOPS_CLUB_SYSTEM_TOKEN", "club-token"),
            ZoneId.of("UTC"));
    app = GymOpsApp.open(config, directory, Clock.fixed(NOW, ZoneOffset.UTC));
    tick = new ClubSyncTick(app.clubSync(), app.webhooks().payments(), List.of(new ClubId("main")));
    app.stores()
        .members()
        .upsertAll(List.of(locked("M1", "+14155550001"), locked("M2", "+14155550002")), NOW);
  }

  @AfterEach
  void stop() {
    app.close();
    simulator.close();
  }

  private static Member locked(String id, String phone) {
    return aMember()
        .withId(id)
        .withPhone(phone)
        .withBalance("80.00", LocalDate.of(2026, 1, 20))
        .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
        .build();
  }

  private Member member(String id) {
    return app.stores().members().find(new MemberId(id)).orElseThrow();
  }

  private List<OutboundMessage> messages(String id) {
    return app.stores().outbox().ofMember(new MemberId(id));
  }

  @Test
  void a_member_the_club_system_shows_paid_up_is_unlocked_with_the_restored_text_once() {
    // M1 paid at the front desk; M2 still owes.
    simulator
        .put("M1", "main", "+14155550001", "0.00", null, T1)
        .put("M2", "main", "+14155550002", "80.00", "2026-01-20", T1);

    tick.run();

    assertThat(member("M1").door()).isEqualTo(DoorAccess.OPEN);
    assertThat(messages("M1"))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message.templateKey()).isEqualTo(DoorAccessPolicy.RESTORED_TEMPLATE));
    assertThat(member("M2").door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(messages("M2")).isEmpty();

    // The next pull brings M1 again (the watermark is inclusive): nothing happens twice.
    tick.run();
    assertThat(messages("M1")).hasSize(1);
  }
}
