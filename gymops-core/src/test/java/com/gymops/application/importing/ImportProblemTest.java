package com.gymops.application.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportProblemTest {

  @Test
  void names_line_and_column_when_a_single_value_is_wrong() {
    ImportProblem problem =
        new ImportProblem(7, "past_due_amount", "amount 12.345 has more than two decimals");

    assertThat(problem)
        .hasToString("line 7, column past_due_amount: amount 12.345 has more than two decimals");
  }

  @Test
  void names_line_column_value_and_option_when_a_date_is_written_month_first() {
    ImportProblem problem = new ImportProblem(4, "joined_on", DateOrder.ISO.problem("01/15/2024"));

    assertThat(problem)
        .hasToString(
            "line 4, column joined_on: '01/15/2024' is not a date in the form yyyy-MM-dd, like"
                + " 2026-01-31; if the file writes dates month first, import with --dates us");
  }

  @Test
  void names_only_the_line_when_the_whole_line_is_wrong() {
    assertThat(ImportProblem.onLine(3, "expected 5 values but found 4"))
        .hasToString("line 3: expected 5 values but found 4");
  }

  @Test
  void refuses_line_numbers_below_one() {
    assertThatThrownBy(() -> new ImportProblem(0, null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
