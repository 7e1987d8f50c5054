package io.memoguard.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.Verify;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a caller passes, the agent writes one line of bounded length per event, and never an
 * application exception's message.
 */
class LogHygieneTest {
  private static final String FORGED = "[memoguard] ERROR forged";
  /** A line the agent wrote: a forged one would start with the host's text instead. */
  private static final String AGENT_LINE =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) \\[memoguard\\] (ERROR|WARN |INFO |DEBUG) \\S.*";

  @TempDir Path dir;

  static Stream<Arguments> lineBreaks() {
    return Stream.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000B", "\f", "\u001B",
        "\u0000", "\t").map(s -> Arguments.of(String.format("U+%04X", (int) s.charAt(0)), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lineBreaks")
  void noCharacterFromAMessageBreaksTheLine(String name, String lineBreak) {
    String cleaned = AgentLog.clean("before" + lineBreak + FORGED);
    assertThat(cleaned).isEqualTo("before" + " ".repeat(lineBreak.length()) + FORGED);
    assertThat(cleaned.chars()).noneMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
  }

  @Test
  void aLongMessageIsCutAndSaysHowMuchWasCut() {
    String cleaned = AgentLog.clean("x".repeat(500_000));
    assertThat(cleaned).hasSize(AgentLog.MAX_MESSAGE_CHARS + "... (499000 more characters)".length())
        .endsWith("... (499000 more characters)");
  }

  @Test
  void aSurrogatePairIsNeverCutInHalf() {
    String cleaned = AgentLog.clean("x".repeat(AgentLog.MAX_MESSAGE_CHARS - 1) + "\uD83D\uDE00tail");
    assertThat(cleaned).startsWith("x".repeat(AgentLog.MAX_MESSAGE_CHARS - 1) + "...");
  }

  @Test
  void anOrdinaryMessageIsUnchanged() {
    String line = "mutation of com.acme.domain.Product.investor at X.m(X.java:1): invalidated Y.get";
    assertThat(AgentLog.clean(line)).isSameAs(line);
  }

  @Test
  void everyLevelWritesOneLineWhateverTheMessage() throws IOException {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.create("debug", file.toString());
    log.error("e\n" + FORGED);
    log.warn("w\r\n" + FORGED);
    log.info("i\u2028" + FORGED);
    log.debug("d\u0085" + FORGED + "y".repeat(100_000));
    log.stop();

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(1_200));
    assertThat(lines).allSatisfy(l -> assertThat(l).matches(AGENT_LINE));
  }

  @Test
  void anInternalErrorNamesTheClassAndTheAgentFrameNeverTheMessage() throws IOException {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.create("info", file.toString());
    LogEventSink sink = new LogEventSink(log);
    IllegalStateException error = new IllegalStateException(
        "cannot read row of SECRET-I1\n" + FORGED + " SECRET-I2");
    error.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("com.acme.repo.Rows", "read", "Rows.java", 12),
        new StackTraceElement("io.memoguard.runtime.Memoizer", "key", "Memoizer.java", 71)});
    sink.internalError("memo key", error);
    sink.internalError("memo key", new IllegalStateException("SECRET-I3"));
    log.stop();

    String text = Files.readString(file);
    assertThat(text).doesNotContain("SECRET").doesNotContain("forged");
    assertThat(text.lines()).singleElement().asString().endsWith("WARN  internal error in memo key"
        + " (java.lang.IllegalStateException at io.memoguard.runtime.Memoizer.key:71); the"
        + " application call went on without memoguard");
  }

  @Test
  void internalErrorsStopBeingRecordedAfterTheirLimit() throws IOException {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.create("info", file.toString());
    LogEventSink sink = new LogEventSink(log);
    for (int i = 0; i < 1_000; i++) {
      sink.internalError("place " + i, new RuntimeException());
    }
    log.stop();
    assertThat(Files.readAllLines(file)).hasSize(LogEventSink.MAX_REPORTED_ERRORS);
  }

  @Test
  void mutationAndVerifyLinesStayOneBoundedLineWhatever() throws IOException {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.create("info", file.toString());
    LogEventSink sink = new LogEventSink(log);
    String huge = "Chain" + ".next".repeat(100_000);
    sink.lateMutation(huge + "\n" + FORGED, "A.get", "B.m(B.java:1)", 2, EventSink.INVALIDATED);
    sink.mutation("a.B.f\r" + FORGED, "S.m(S.java:1)", null, "A.get", 1, EventSink.LOGGED);
    sink.verifyDifference("A.get", huge);
    sink.verifyDifference("A.find", Verify.THREW + "Boom\n" + FORGED + ")");
    new ExitReport(log, new io.memoguard.agent.instrument.RuleUsage(), null, sink, null).run();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(1_200));
    assertThat(lines).allSatisfy(l -> assertThat(l).matches(AGENT_LINE));
  }

  @Test
  void aLogFileThatCannotBeOpenedIsAnErrorNotSilence() throws IOException {
    Path regular = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThrows(UncheckedIOException.class,
        () -> AgentLog.create("info", regular.resolve("memoguard.log").toString()));
  }
}
