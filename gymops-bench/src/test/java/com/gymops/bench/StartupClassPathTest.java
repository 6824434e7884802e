package com.gymops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The startup child runs in its own directory: a relative class path would not find the jar. */
class StartupClassPathTest {
  @Test
  void relative_entries_become_absolute_and_absolute_ones_stay() {
    String absoluteJar = Path.of("/opt/lib/a.jar").toAbsolutePath().toString();
    String classPath = "target/gymops.jar" + File.pathSeparator + absoluteJar;

    assertThat(StartupScenario.absolute(classPath))
        .isEqualTo(
            Path.of("target/gymops.jar").toAbsolutePath() + File.pathSeparator + absoluteJar);
  }
}
