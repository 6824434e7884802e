package com.gymops.application.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time, with commas or another delimiter (a semicolon from a
 * European Excel, a tab): quoted values may hold delimiters, doubled quotes and line breaks; lines
 * end in LF, CRLF or CR; a leading UTF-8 byte order mark is dropped. Each record knows the physical
 * line it starts on, which is what a person looking at the file in an editor needs.
 *
 * <p>Broken quoting does not throw: the record comes back with a {@link CsvRecord#defect()} so the
 * caller can report it alongside every other problem in the file. Not thread-safe.
 */
final class CsvReader {
  private static final int END = -1;
  private static final int UNCLOSED = -2;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Reader in;
  private final char delimiter;
  // Own buffer rather than BufferedReader: its read() is synchronized, and this is called per char.
  private final char[] buffer = new char[16 * 1024];
  private final StringBuilder value = new StringBuilder(64);
  private int position;
  private int limit;
  private int line = 1;
  private boolean atStart = true;

  CsvReader(Reader in) {
    this(in, ',');
  }

  CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The next record, or {@code null} at the end of the input. Blank lines are skipped. */
  CsvRecord next() throws IOException {
    if (atStart) {
      atStart = false;
      if (peek() == BYTE_ORDER_MARK) {
        read();
      }
    }
    while (true) {
      int c = read();
      if (c == END) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        // A blank line is not a record with one empty value: spreadsheets leave them at the end.
        endLine(c);
        continue;
      }
      return readRecord(c);
    }
  }

  private CsvRecord readRecord(int first) throws IOException {
    int startLine = line;
    List<String> values = new ArrayList<>(16);
    String defect = null;
    int c = first;
    while (true) {
      value.setLength(0);
      if (c == '"') {
        int quoteLine = line;
        c = readQuoted();
        if (c == UNCLOSED) {
          c = END;
          defect =
              firstOf(defect, "a quoted value opened on line " + quoteLine + " is never closed");
        } else if (c != delimiter && c != '\n' && c != '\r' && c != END) {
          defect =
              firstOf(
                  defect,
                  "unexpected text after a closing quote; put the whole value inside the quotes");
          c = readUnquoted(c);
        }
      } else {
        c = readUnquoted(c);
      }
      values.add(value.toString());
      if (c == delimiter) {
        c = read();
        continue;
      }
      endLine(c);
      return new CsvRecord(startLine, values, defect);
    }
  }

  /**
   * Reads a quoted value after its opening quote, and returns the character after the closing
   * quote, or {@link #UNCLOSED} when the input ends first.
   */
  private int readQuoted() throws IOException {
    while (true) {
      int c = read();
      if (c == END) {
        return UNCLOSED;
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          value.append('"');
          continue;
        }
        return read();
      }
      if (c == '\r') {
        // Keep CRLF files from leaking carriage returns into member data.
        if (peek() == '\n') {
          read();
        }
        value.append('\n');
        line++;
      } else {
        if (c == '\n') {
          line++;
        }
        value.append((char) c);
      }
    }
  }

  /** Appends characters up to a delimiter or line end, and returns what ended the value. */
  private int readUnquoted(int first) throws IOException {
    int c = first;
    while (c != delimiter && c != '\n' && c != '\r' && c != END) {
      value.append((char) c);
      c = read();
    }
    return c;
  }

  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c == '\r' || c == '\n') {
      line++;
    }
  }

  private static String firstOf(String earlier, String later) {
    return earlier != null ? earlier : later;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int count = in.read(buffer, 0, buffer.length);
    if (count <= 0) {
      return false;
    }
    position = 0;
    limit = count;
    return true;
  }
}
