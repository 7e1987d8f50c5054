package io.memoguard.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure after the configuration was read (here: the agent runs from a class directory, not a
 * jar, so the bootstrap injection throws an IOException whose message names a host path) is one
 * ERROR line naming the configuration file and the failure's class and agent frame, never its
 * message, and premain returns normally. premain runs once per JVM, so this is the only test
 * that calls it.
 */
class StartupFailureTest {
  @TempDir Path dir;

  @Test
  void anyFailureAtStartIsOneLineNamingTheConfigurationAndTheClass() throws Exception {
    Path config = Files.writeString(dir.resolve("memoguard.yaml"),
        "memoize:\n  - class: com.acme.Repo\n");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      MemoguardAgent.premain("config=" + config, null);
    } finally {
      System.setErr(original);
    }

    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out.lines()).singleElement().asString()
        .contains("[memoguard] ERROR " + config + ": failed to start (java.io.")
        .contains(" at io.memoguard.agent.BootstrapInjector.inject)")
        .endsWith("; memoguard is disabled, the application runs without it")
        .doesNotContain("target/classes").doesNotContain("Is a directory");
  }
}
