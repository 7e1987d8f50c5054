package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Writes configuration text to a temporary file and checks load failures to the column. */
abstract class ConfigFileTestSupport {
  @TempDir Path dir;

  Path write(String yaml) {
    try {
      return Files.writeString(dir.resolve("memoguard.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AgentConfig load(String yaml) throws ConfigException {
    return ConfigLoader.load(write(yaml));
  }

  ConfigException loadFails(String yaml) {
    Path file = write(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
  }

  /** Asserts the exact one-line message, and that line and column are exposed separately too. */
  void assertError(String yaml, int line, int column, String problem) {
    ConfigException e = loadFails(yaml);
    Path file = dir.resolve("memoguard.yaml");
    assertThat(e.getMessage()).isEqualTo(file + ":" + line + ":" + column + ": " + problem);
    assertThat(e.line()).as("line").isEqualTo(line);
    assertThat(e.column()).as("column").isEqualTo(column);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.file()).contains(file);
  }
}
