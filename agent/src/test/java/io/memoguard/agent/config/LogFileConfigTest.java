package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * A {@code log.file} the agent cannot append to is a bad configuration like any other: one error
 * at the value's position saying why, before the logger would have failed silently.
 */
class LogFileConfigTest extends ConfigFileTestSupport {

  private void assertLogFileError(Path logFile, String why) {
    assertError("log:\n  file: " + logFile + "\n", 2, 9,
        "'file' " + logFile + " cannot be opened for appending: " + why);
  }

  @Test
  void underARegularFile() throws IOException {
    Path regular = Files.writeString(dir.resolve("plain.txt"), "x");
    assertLogFileError(regular.resolve("memoguard.log"), regular + " is a file, not a directory");
  }

  @Test
  void severalLevelsUnderARegularFile() throws IOException {
    Path regular = Files.writeString(dir.resolve("plain.txt"), "x");
    assertLogFileError(regular.resolve("a/b/memoguard.log"),
        regular + " is a file, not a directory");
  }

  @Test
  void theConfigurationFileItself() {
    Path config = dir.resolve("memoguard.yaml");
    assertLogFileError(config, "it is the configuration file itself");
    assertThat(config).hasContent("log:\n  file: " + config);
  }

  @Test
  void aDirectory() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    assertLogFileError(logs, "it is a directory");
  }

  @Test
  void aNamedPipe() throws Exception {
    Path fifo = dir.resolve("pipe.log");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is not available");
    // opening a FIFO for writing without a reader blocks: a hang here is the failure
    assertLogFileError(fifo, "it is a pipe or socket, not a file");
  }

  @Test
  void aDirectoryWithoutWritePermission() throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    // root writes anywhere: the permission case can only be checked as an ordinary user
    assumeTrue(!Files.isWritable(locked), "running as a user who can write anywhere (root)");
    assertLogFileError(locked.resolve("memoguard.log"), "permission denied");
  }

  @Test
  void missingDirectoriesAreCreatedAndTheFileIsAccepted() throws Exception {
    Path logFile = dir.resolve("new/sub/memoguard.log");
    AgentConfig config = load("log:\n  file: " + logFile + "\n");
    assertThat(config.logFile()).isEqualTo(logFile.toString());
    assertThat(logFile).isRegularFile();
  }

  @Test
  void anExistingFileIsAppendedToNotTruncated() throws Exception {
    Path logFile = Files.writeString(dir.resolve("old.log"), "earlier line\n");
    load("log:\n  file: " + logFile + "\n");
    assertThat(logFile).hasContent("earlier line");
  }

  @Test
  void aCharacterDeviceIsAccepted() throws Exception {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    assertThat(load("log:\n  file: /dev/null\n").logFile()).isEqualTo("/dev/null");
  }
}
