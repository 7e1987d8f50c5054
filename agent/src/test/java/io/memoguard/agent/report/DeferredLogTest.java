package io.memoguard.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.EventSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * premain's log is set up on a thread of its own: what is written before it is ready is written
 * once it is, in order, with the time it was written, filtered and cleaned as any line; nothing is
 * lost beyond a bounded number of lines, and the loss is said. The set-up waits for premain's end,
 * and the line it runs its encoder on to warm it is never written.
 */
class DeferredLogTest {
  @TempDir Path dir;

  @Test
  void linesWrittenBeforeTheSetUpAreWrittenInOrderWithTheirOwnTime() throws Exception {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.unready("info", AgentLog.TEXT);
    log.info("first");
    log.debug("below the level");
    log.warn("second\nforged line");
    Thread.sleep(1_100);

    log.setUp("info", file.toString(), AgentLog.TEXT);
    log.error("third");
    log.stop();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).endsWith("[memoguard] INFO  first");
    assertThat(lines.get(1)).endsWith("[memoguard] WARN  second forged line");
    assertThat(lines.get(2)).endsWith("[memoguard] ERROR third");
    // the timestamps are to the millisecond: the kept lines carry theirs, a second before
    assertThat(lines.get(0).substring(0, 23)).isLessThan(lines.get(2).substring(0, 23));
  }

  @Test
  void theSetUpBeginsWhenPremainSaysSoAndItsLinesAreWrittenByTheEnd() throws Exception {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.deferred("info", file.toString(), AgentLog.TEXT);
    log.info("during premain");
    Thread.sleep(300);
    // premain's lines wait for the set-up, which waits for premain's end
    assertThat(file).doesNotExist();

    log.begin();
    log.begin();
    log.warn("after premain");
    log.stop();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith("[memoguard] INFO  during premain");
    assertThat(lines.get(1)).endsWith("[memoguard] WARN  after premain");
  }

  @Test
  void eventFieldsOfAKeptLineReachTheJsonLine() throws Exception {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.unready("info", AgentLog.JSON);
    new LogEventSink(log).mutation("com.acme.domain.Product.investor",
        "com.acme.domain.Product.setInvestor(Product.java:45)", null,
        "com.acme.repo.MortgageRepository.getMortgage", 2, EventSink.INVALIDATED);

    log.setUp("info", file.toString(), AgentLog.JSON);
    log.stop();

    assertThat(Files.readAllLines(file)).singleElement().asString()
        .contains("\"log.level\":\"WARN\"", "\"memoguard.field\":\"com.acme.domain.Product.investor\"",
            "\"memoguard.callers\":2");
  }

  @Test
  void beyondTheBoundLinesAreCountedAndTheCountIsLogged() throws Exception {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.unready("info", AgentLog.TEXT);
    for (int i = 0; i < AgentLog.MAX_PENDING + 5; i++) {
      log.info("line " + i);
    }

    log.setUp("info", file.toString(), AgentLog.TEXT);
    log.stop();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(AgentLog.MAX_PENDING + 1);
    assertThat(lines.get(AgentLog.MAX_PENDING - 1)).endsWith("line " + (AgentLog.MAX_PENDING - 1));
    assertThat(lines.get(AgentLog.MAX_PENDING)).contains("WARN  5 line(s) of the agent's start-up"
        + " were dropped");
  }

  @Test
  void aLogFileThatCannotBeOpenedAnyMoreSendsTheLinesToStandardError() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
    AgentLog log = AgentLog.unready("info", AgentLog.TEXT);
    log.info("kept");

    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      log.setUp("info", notADirectory.resolve("agent.log").toString(), AgentLog.TEXT);
      log.stop();
    } finally {
      System.setErr(original);
    }

    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .anyMatch(line -> line.contains("ERROR log.file ") && line.contains("cannot be opened"))
        .anyMatch(line -> line.endsWith("INFO  kept"));
  }
}
