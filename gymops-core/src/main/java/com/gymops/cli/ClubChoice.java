package com.gymops.cli;

import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import java.util.stream.Collectors;

/** The club a command acts on: the one given, or the only one configured. */
final class ClubChoice {
  private ClubChoice() {}

  static ClubId resolve(GymOpsConfig config, String given) {
    String known =
        config.clubs().stream().map(c -> c.club().id().value()).collect(Collectors.joining(", "));
    if (given == null) {
      if (config.clubs().size() == 1) {
        return config.clubs().get(0).club().id();
      }
      throw new UserError("several clubs are configured (" + known + "); choose one with --club");
    }
    ClubId club;
    try {
      club = new ClubId(given);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    return config
        .club(club)
        .map(settings -> settings.club().id())
        .orElseThrow(
            () ->
                new UserError(
                    "no club '" + given + "' in the configuration; known clubs: " + known));
  }
}
