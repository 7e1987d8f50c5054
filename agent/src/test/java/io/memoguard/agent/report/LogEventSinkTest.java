package io.memoguard.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RuleUsage;
import io.memoguard.runtime.EventSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's mutation lines as written: level by callers, one line per site and interval with the
 * count it stands for, and the per-site totals at exit.
 */
class LogEventSinkTest {
  private static final String FIELD = "com.acme.domain.Product.investor";
  private static final String SITE = "com.acme.domain.Product.setInvestor(Product.java:45)";
  private static final String VIA = "com.acme.service.Disclosure.publish(Disclosure.java:19)";
  private static final String ENTRY = "com.acme.repo.MortgageRepository.getMortgage";

  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong(1_000_000);
  private AgentLog log;
  private LogEventSink sink;

  private LogEventSink sink() {
    log = AgentLog.create("info", dir.resolve("agent.log").toString());
    sink = new LogEventSink(log, now::get, 60_000);
    return sink;
  }

  /** The messages logged so far, as "LEVEL message". */
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
  void lineNamesFieldSiteCallerAndEntryAtWarnForSharedInstances() throws IOException {
    sink().mutation(FIELD, SITE, VIA, ENTRY, 2, EventSink.INVALIDATED);
    sink.mutation(FIELD, "com.acme.Other.m(Other.java:3)", null, ENTRY, 1, EventSink.LOGGED);
    assertThat(lines()).containsExactly(
        "WARN mutation of " + FIELD + " at " + SITE + " called from " + VIA + ": invalidated "
            + ENTRY + ", instance handed to 2 callers",
        "INFO mutation of " + FIELD + " at com.acme.Other.m(Other.java:3): logged " + ENTRY
            + ", instance handed to 1 caller");
  }

  @Test
  void repeatsWithinTheIntervalAreCountedAndTheNextLineCarriesTheCount() throws IOException {
    sink();
    for (int i = 0; i < 37; i++) {
      sink.mutation(FIELD, SITE, VIA, ENTRY, 1, EventSink.INVALIDATED);
      now.addAndGet(1_000);
    }
    now.set(1_000_000 + 60_000);
    sink.mutation(FIELD, SITE, VIA, ENTRY, 1, EventSink.INVALIDATED);
    sink.mutation(FIELD, SITE, VIA, ENTRY, 1, EventSink.INVALIDATED);
    assertThat(lines()).containsExactly(
        "INFO mutation of " + FIELD + " at " + SITE + " called from " + VIA + ": invalidated "
            + ENTRY + ", instance handed to 1 caller",
        "INFO mutation of " + FIELD + " at " + SITE + " called from " + VIA + ": invalidated "
            + ENTRY + ", instance handed to 1 caller (x37 since last report)");
  }

  @Test
  void aSuppressedSharedInstanceMakesTheNextLineAWarning() throws IOException {
    sink().mutation(FIELD, SITE, null, ENTRY, 1, EventSink.INVALIDATED);
    sink.mutation(FIELD, SITE, null, ENTRY, 3, EventSink.INVALIDATED);
    now.addAndGet(60_000);
    sink.mutation(FIELD, SITE, null, ENTRY, 1, EventSink.INVALIDATED);
    assertThat(lines()).hasSize(2).last().asString()
        .startsWith("WARN mutation of " + FIELD).endsWith("1 caller (x2 since last report)");
  }

  @Test
  void sitesAreLimitedIndependently() throws IOException {
    sink().mutation(FIELD, SITE, VIA, ENTRY, 1, EventSink.INVALIDATED);
    sink.mutation(FIELD, SITE, "com.acme.Other.m(Other.java:3)", ENTRY, 1, EventSink.INVALIDATED);
    sink.mutation("com.acme.domain.Product.name", SITE, VIA, ENTRY, 1, EventSink.INVALIDATED);
    sink.mutation(FIELD, SITE, VIA, ENTRY, 1, EventSink.INVALIDATED);
    assertThat(lines()).hasSize(3);
  }

  @Test
  void lateMutationInFailModeIsAWarningThatSaysItWasNotRejected() throws IOException {
    sink().lateMutation("Mortgage.product.tags[2]", ENTRY, VIA, 1, EventSink.NOT_REJECTED);
    sink.lateMutation("Mortgage.rates[0]", ENTRY, VIA, 1, EventSink.INVALIDATED);
    assertThat(lines()).containsExactly(
        "WARN mutation of Mortgage.product.tags[2] (no barrier there) detected when " + ENTRY
            + " was called again from " + VIA + ": not rejected, invalidated " + ENTRY
            + ", instance handed to 1 caller"
            + " (on-mutation: fail cannot stop a write that passes no barrier)",
        "INFO mutation of Mortgage.rates[0] (no barrier there) detected when " + ENTRY
            + " was called again from " + VIA + ": invalidated " + ENTRY
            + ", instance handed to 1 caller");
  }

  @Test
  void exitReportListsEverySiteWithItsCountBeforeTheSummary() throws IOException {
    sink();
    for (int i = 0; i < 42; i++) {
      sink.mutation(FIELD, "com.acme.X.m(X.java:12)", null, ENTRY, 1, EventSink.INVALIDATED);
    }
    sink.mutation(FIELD, SITE, VIA, ENTRY, 1, EventSink.REJECTED);
    sink.lateMutation("Mortgage.rates[0]", ENTRY, VIA, 1, EventSink.INVALIDATED);
    sink.lateMutation("Mortgage.rates[0]", ENTRY, VIA, 1, EventSink.INVALIDATED);

    new ExitReport(log, new RuleUsage(), null, sink, null).run();

    List<String> lines = lines();
    // per-method lines (methods other tests of this JVM called) come between the sites and the summary
    assertThat(lines.stream().filter(l -> l.startsWith("INFO mutations")).toList()).containsExactly(
        "INFO mutations at com.acme.X.m(X.java:12): " + FIELD + " x42",
        "INFO mutations at " + VIA + " (no barrier there, found at the next call of " + ENTRY
            + "): Mortgage.rates[0] x2",
        "INFO mutations at " + SITE + " called from " + VIA + ": " + FIELD + " x1");
    assertThat(lines.get(lines.size() - 1)).startsWith("INFO summary: requests=");
  }

  @Test
  void concurrentReportsAreAllCountedAndLoggedOnce() throws Exception {
    sink();
    int threads = 8;
    int perThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < perThread; i++) {
          sink.mutation(FIELD, SITE, null, ENTRY, 1, EventSink.INVALIDATED);
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sink.siteSummary()).containsExactly(
        "mutations at " + SITE + ": " + FIELD + " x" + threads * perThread);
    assertThat(lines()).hasSize(1);
  }

  @Test
  void distinctSitesBeyondTheBoundShareOneCounter() throws IOException {
    sink();
    int sites = MutationSites.MAX_SITES + 5;
    for (int i = 0; i < sites; i++) {
      sink.lateMutation("Order.lines[" + i + "]", ENTRY, VIA, 1, EventSink.INVALIDATED);
    }
    List<String> summary = sink.siteSummary();
    assertThat(summary).hasSize(MutationSites.MAX_SUMMARY_LINES + 1);
    assertThat(summary.get(0)).isEqualTo("mutations at other sites (beyond the first "
        + MutationSites.MAX_SITES + " distinct ones) x5");
    // the overflow counter is one more total; every other site was seen once
    int rest = MutationSites.MAX_SITES + 1 - MutationSites.MAX_SUMMARY_LINES;
    assertThat(summary.get(summary.size() - 1))
        .isEqualTo("mutations at " + rest + " more sites x" + rest);
    assertThat(lines()).hasSize(MutationSites.MAX_SITES + 1);
  }
}
