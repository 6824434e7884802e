package com.gymops.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportWriterTest {
  @TempDir Path directory;

  private String written(String name, String phone) throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    row.put("phone", phone);
    String file =
        new CsvReportWriter(directory)
            .write(
                WorkflowId.COLLECTIONS_REFERRAL,
                new ClubId("main"),
                LocalDate.of(2026, 3, 10),
                List.of(row));
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  @Test
  void a_cell_starting_with_a_tab_or_carriage_return_then_a_formula_is_neutralised()
      throws Exception {
    assertThat(written("\t=HYPERLINK(\"http://evil\")", "+15551234567"))
        .contains("\"'\t=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(written("\r=1+1", "+15551234567")).contains("\"'\r=1+1\"");
  }

  @Test
  void a_leading_equals_is_neutralised_but_a_phone_number_is_kept_intact() throws Exception {
    assertThat(written("=1+1", "+15551234567")).contains("'=1+1,+15551234567\r\n");
  }
}
