package com.gymops.adapter.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.gymops.config.ConfigException;
import com.gymops.config.GymOpsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads {@code gymops.yml} into a validated {@link GymOpsConfig}. Every problem in the file is
 * reported at once in a {@link ConfigException}, each with its key path or line, because a manager
 * editing the file should not have to fix mistakes one failed start at a time.
 */
public final class ConfigLoader {
  private static final String EXAMPLE_RESOURCE = "/gymops.example.yml";

  // Strict reading: duplicate keys are errors instead of "last one wins", "yes"/"on" stay text so
  // only true/false are booleans, and decimals keep their written digits for Money.parse.
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param file the config file; empty means none, giving one club {@code main} in {@code
   *     systemZone} with every default
   * @param env the process environment, read for {@code GYMOPS_DATABASE_URL}, {@code
   *     GYMOPS_DATABASE_USER} and {@code GYMOPS_DATABASE_PASSWORD}
   * @param systemZone the zone of clubs that do not name one
   * @throws ConfigException listing every problem when the file is missing or wrong
   */
  public static GymOpsConfig load(Optional<Path> file, Map<String, String> env, ZoneId systemZone) {
    if (file.isEmpty()) {
      return parse("", env, systemZone);
    }
    Path path = file.get();
    String yaml;
    try {
      yaml = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of("config file " + path + " does not exist"));
    } catch (IOException e) {
      throw new ConfigException(List.of("cannot read config file " + path + ": " + e));
    }
    return parse(yaml, env, systemZone);
  }

  /** Like {@link #load} for YAML text, e.g. to check a config before writing it out. */
  public static GymOpsConfig parse(String yaml, Map<String, String> env, ZoneId systemZone) {
    List<String> problems = new ArrayList<>();
    ConfigNode root = ConfigNode.root(readTree(yaml), problems);
    return new ConfigBinder(env, systemZone, problems).bind(root);
  }

  /**
   * The ids of the clubs a configuration file lists without a {@code timezone}: they run in the
   * machine's zone, which on a server is usually UTC, so {@code gymops doctor} names them.
   */
  public static List<String> clubsWithoutTimeZone(Optional<Path> file) {
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return List.of();
    }
    JsonNode clubs;
    try {
      clubs = readTree(Files.readString(file.get(), StandardCharsets.UTF_8)).path("clubs");
    } catch (IOException | ConfigException e) {
      return List.of(); // the configuration check reports an unreadable file
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode club : clubs) {
      if (club.isObject() && !club.hasNonNull("timezone")) {
        missing.add(club.path("id").asText("?"));
      }
    }
    return missing;
  }

  /** The commented example configuration that lists every setting with its default value. */
  public static String exampleYaml() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(EXAMPLE_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readTree(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(syntaxProblem(e)));
    }
  }

  /** SnakeYAML knows where the problem is; Jackson's location is only where parsing stopped. */
  private static String syntaxProblem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
      return "line "
          + (mark.getLine() + 1)
          + ", column "
          + (mark.getColumn() + 1)
          + ": "
          + context
          + yaml.getProblem();
    }
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return where + e.getOriginalMessage();
  }
}
