package com.gymops.application.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void splits_a_line_on_commas() throws IOException {
    assertThat(records("a,b,c\n")).containsExactly(new CsvRecord(1, List.of("a", "b", "c"), null));
  }

  @Test
  void keeps_empty_values_including_a_trailing_one() throws IOException {
    assertThat(records(",b,\n").get(0).values()).containsExactly("", "b", "");
  }

  @Test
  void reads_a_comma_inside_quotes_as_part_of_the_value() throws IOException {
    assertThat(records("\"Lopez, Ana\",x\n").get(0).values()).containsExactly("Lopez, Ana", "x");
  }

  @Test
  void reads_a_doubled_quote_inside_quotes_as_one_quote() throws IOException {
    assertThat(records("\"the \"\"Rock\"\"\",x\n").get(0).values())
        .containsExactly("the \"Rock\"", "x");
  }

  @Test
  void reads_line_breaks_inside_quotes_and_numbers_records_by_their_first_line()
      throws IOException {
    List<CsvRecord> records = records("h\n\"two\nlines\",x\n\"and\r\nthree\nlines\"\nlast\n");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 4, 7);
    assertThat(records.get(1).values()).containsExactly("two\nlines", "x");
    assertThat(records.get(2).values()).containsExactly("and\nthree\nlines");
  }

  @Test
  void accepts_crlf_line_endings_without_keeping_carriage_returns() throws IOException {
    List<CsvRecord> records = records("a,b\r\nc,d\r\n");

    assertThat(records)
        .extracting(CsvRecord::values)
        .containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2);
  }

  @Test
  void accepts_old_mac_line_endings() throws IOException {
    assertThat(records("a\rb\r")).extracting(CsvRecord::line).containsExactly(1, 2);
  }

  @Test
  void drops_a_utf8_byte_order_mark() throws IOException {
    assertThat(records("\uFEFFmember_id,x\n").get(0).values()).containsExactly("member_id", "x");
  }

  @Test
  void reads_a_last_line_without_a_line_break() throws IOException {
    assertThat(records("a\nb"))
        .extracting(CsvRecord::values)
        .containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void skips_blank_lines_but_keeps_counting_them() throws IOException {
    assertThat(records("a\n\n\nb\n\n")).extracting(CsvRecord::line).containsExactly(1, 4);
  }

  @Test
  void reads_nothing_from_empty_input() throws IOException {
    assertThat(records("")).isEmpty();
  }

  @Test
  void keeps_a_stray_quote_inside_an_unquoted_value() throws IOException {
    assertThat(records("5'11\",x\n").get(0).values()).containsExactly("5'11\"", "x");
  }

  @Test
  void reports_a_quote_that_is_never_closed_with_the_line_it_opened_on() throws IOException {
    List<CsvRecord> records = records("a\nb,\"never\nclosed,c\nd\n");

    assertThat(records).hasSize(2);
    assertThat(records.get(1).line()).isEqualTo(2);
    assertThat(records.get(1).defect())
        .isEqualTo("a quoted value opened on line 2 is never closed");
  }

  @Test
  void reports_text_after_a_closing_quote_and_reads_on() throws IOException {
    List<CsvRecord> records = records("\"a\"b,c\nd\n");

    assertThat(records.get(0).defect())
        .isEqualTo("unexpected text after a closing quote; put the whole value inside the quotes");
    assertThat(records.get(1)).isEqualTo(new CsvRecord(2, List.of("d"), null));
  }

  @Test
  void reads_records_longer_than_its_buffer() throws IOException {
    String longValue = "x".repeat(100_000);

    assertThat(records("\"" + longValue + "\",y\nz\n"))
        .extracting(CsvRecord::values)
        .containsExactly(List.of(longValue, "y"), List.of("z"));
  }

  private static List<CsvRecord> records(String text) throws IOException {
    CsvReader reader = new CsvReader(new StringReader(text));
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
      records.add(record);
    }
    return records;
  }
}
