package com.gymops.application.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A CSV export as a club's spreadsheet saves it: its encoding found (UTF-8 with or without a byte
 * order mark, UTF-16 with one, else Windows-1252, which Excel writes on Windows) and its delimiter
 * found from the header (comma, semicolon or tab). Pure.
 */
final class CsvFile {
  static final String FIX =
      "save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)' and import it again";
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The decoded text, the delimiter of its header and the encoding it was read in. */
  record Text(String text, char delimiter, String encoding) {}

  private CsvFile() {}

  /**
   * @throws IllegalArgumentException naming the problem and the fix, when the bytes are no text in
   *     any of the encodings
   */
  static Text decode(byte[] bytes) {
    String encoding;
    String text;
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      encoding = "UTF-16";
      text = strict(bytes, StandardCharsets.UTF_16);
    } else {
      encoding = "UTF-8";
      text = strict(bytes, StandardCharsets.UTF_8);
      if (text == null) {
        encoding = "Windows-1252";
        text = strict(bytes, WINDOWS_1252);
      }
    }
    if (text == null) {
      throw new IllegalArgumentException("is neither UTF-8 nor Windows-1252 text; " + FIX);
    }
    return new Text(text, delimiter(text), encoding);
  }

  /** The character that separates the header's names most often, outside quotes; else a comma. */
  static char delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  private static boolean startsWith(byte[] bytes, int first, int second) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
  }

  private static String strict(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
