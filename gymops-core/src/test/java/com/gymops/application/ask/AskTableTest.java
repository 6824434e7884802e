package com.gymops.application.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AskTableTest {
  @Test
  void headings_read_as_words_and_the_markdown_keeps_the_names_and_escapes_bars() {
    AskTable table =
        new AskTable(
            "Past-due members",
            List.of("member_id", "past_due_since", "id"),
            List.of(List.of("M1", "2026-10-20", "a|b")));

    assertThat(table.columns().stream().map(AskTable::heading))
        .containsExactly("Member", "Past due since", "ID");
    assertThat(table.markdown())
        .contains("| member_id | past_due_since | id |")
        .contains("| M1 | 2026-10-20 | a\\|b |");
  }
}
