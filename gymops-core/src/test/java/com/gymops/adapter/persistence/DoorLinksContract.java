package com.gymops.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.DoorLinks;
import com.gymops.domain.MemberId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code door_link} (V18) must do on every database; subclasses run it on each. */
abstract class DoorLinksContract {
  private static final MemberId ANA = new MemberId("M1");
  private static final Instant AT = Instant.parse("2026-12-06T15:00:00Z");

  private DoorLinks links;

  protected abstract Database open();

  @BeforeEach
  void openStore() {
    links = Persistence.doorLinks(open());
  }

  @Test
  void keeps_a_members_user_id_per_door_system() {
    links.put(ANA, "kisi", "4001", AT);
    links.put(ANA, "brivo", "71000", AT);

    assertThat(links.find(ANA, "kisi")).contains("4001");
    assertThat(links.find(ANA, "brivo")).contains("71000");
    assertThat(links.find(ANA, "openpath")).isEmpty();
    assertThat(links.find(new MemberId("M2"), "kisi")).isEmpty();
  }

  @Test
  void a_new_id_replaces_the_kept_one_and_a_forgotten_one_is_gone() {
    links.put(ANA, "kisi", "4001", AT);
    links.put(ANA, "kisi", "4002", AT.plusSeconds(60));
    assertThat(links.find(ANA, "kisi")).contains("4002");

    links.forget(ANA, "kisi");
    assertThat(links.find(ANA, "kisi")).isEmpty();
  }
}
