package com.gymops.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A data directory that belongs to the demo. The demo starts from scratch every time, so it wipes
 * its directory first — but only one it made itself (marked by a file), never real data.
 */
public final class DemoDirectory {
  static final String MARKER = ".gymops-demo";

  private DemoDirectory() {}

  /**
   * Empties {@code directory} if a previous demo made it, creates it if missing, and marks it.
   *
   * @throws IllegalStateException when the directory holds anything the demo did not make
   */
  public static void prepare(Path directory) {
    try {
      if (Files.isDirectory(directory)) {
        boolean ours = Files.exists(directory.resolve(MARKER));
        boolean empty;
        try (Stream<Path> entries = Files.list(directory)) {
          empty = entries.findAny().isEmpty();
        }
        if (!ours && !empty) {
          throw new IllegalStateException(
              directory
                  + " holds data the demo did not create; choose an empty or new directory with"
                  + " --data");
        }
        deleteContents(directory);
      }
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve(MARKER), "made by gymops demo; the next demo wipes this directory\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare demo directory " + directory, e);
    }
  }

  private static void deleteContents(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(directory)) {
          Files.delete(path);
        }
      }
    }
  }
}
