package io.memoguard.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify-mode difference lines (rate-limited per method) and JDBC write lines (DEBUG only). */
class VerifyAndJdbcLinesTest {
  private static final String METHOD = "com.acme.repo.RateRepository.findQuote";

  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong(1_000_000);
  private AgentLog log;

  private LogEventSink sink(String level) {
    log = AgentLog.create(level, dir.resolve("agent.log").toString());
    return new LogEventSink(log, now::get, 60_000);
  }

  private List<String> lines() throws IOException {
    log.stop();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("agent.log"))) {
      lines.add(line.substring(line.indexOf("[memoguard] ") + "[memoguard] ".length())
          .replaceFirst("^(\\w+) +", "$1 "));
    }
    return lines;
  }

  @Test
  void aDifferenceIsOneWarnLinePerMethodAndInterval() throws IOException {
    LogEventSink sink = sink("info");
    sink.verifyDifference(METHOD, "Quote.rate");
    sink.verifyDifference(METHOD, "Quote.rate");
    sink.verifyDifference(METHOD, "Quote.validUntil");
    sink.verifyDifference("com.acme.repo.Other.find", "ArrayList (size 3 -> 2)");
    now.addAndGet(61_000);
    sink.verifyDifference(METHOD, "Quote.rate");
    assertThat(lines()).containsExactly(
        "WARN verify: " + METHOD + " returned a result different from the memoized one at "
            + "Quote.rate; memoizing it would have served stale data",
        "WARN verify: com.acme.repo.Other.find returned a result different from the memoized one"
            + " at ArrayList (size 3 -> 2); memoizing it would have served stale data",
        "WARN verify: " + METHOD + " returned a result different from the memoized one at "
            + "Quote.rate; memoizing it would have served stale data (x3 since last report)");
  }

  @Test
  void aCallThatThrewIsSaidSo() throws IOException {
    sink("info").verifyDifference(METHOD, "(threw IllegalStateException)");
    assertThat(lines()).containsExactly("WARN verify: " + METHOD + " threw IllegalStateException"
        + " where memoizing it would have returned the memoized value");
  }

  @Test
  void theExitSummaryListsEachMethodWithItsDifferences() {
    LogEventSink sink = sink("info");
    sink.verifyDifference("com.acme.repo.Other.find", "ArrayList[1]");
    for (int i = 0; i < 3; i++) {
      sink.verifyDifference(METHOD, "Quote.rate");
    }
    assertThat(sink.differenceSummary()).containsExactly(
        "verify differences in " + METHOD + " x3",
        "verify differences in com.acme.repo.Other.find x1");
    log.stop();
  }

  @Test
  void jdbcWritesAreLoggedAtDebugOnly() throws IOException {
    sink("info").jdbcWrite("org.h2.jdbc.JdbcPreparedStatement.executeUpdate", 3);
    assertThat(lines()).isEmpty();
    Files.delete(dir.resolve("agent.log"));
    LogEventSink debug = sink("debug");
    debug.jdbcWrite("org.h2.jdbc.JdbcPreparedStatement.executeUpdate", 3);
    debug.jdbcWrite("org.h2.jdbc.JdbcStatement.execute", 1);
    assertThat(lines()).containsExactly(
        "DEBUG JDBC write via org.h2.jdbc.JdbcPreparedStatement.executeUpdate cleared 3 entries",
        "DEBUG JDBC write via org.h2.jdbc.JdbcStatement.execute cleared 1 entry");
  }
}
