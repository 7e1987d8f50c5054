package io.memoguard.agent.report;

import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.Verify;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Logs what the runtime reports. A mutation of an instance that was handed to more than one caller
 * is the dangerous aliasing case and is logged at WARN; one seen by a single caller is usually the
 * legitimate load, change, save path and is logged at INFO. Repeated mutations from one site are
 * counted rather than logged each time ({@link MutationSites}); the exit report lists every site
 * with its count.
 */
public final class LogEventSink implements EventSink {
  private final AgentLog log;
  private final MutationSites sites;
  /** Verify-mode differences, rate-limited per memoized method like mutation sites. */
  private final MutationSites differences;
  /** Each place and exception class is reported once; a host throwing ever new classes stops here. */
  static final int MAX_REPORTED_ERRORS = 100;

  private final Set<String> reportedErrors = ConcurrentHashMap.newKeySet();

  public LogEventSink(AgentLog log) {
    this(log, () -> System.nanoTime() / 1_000_000, MutationSites.INTERVAL_MILLIS);
  }

  /** With a clock in milliseconds and a reporting interval of the test's choosing. */
  LogEventSink(AgentLog log, LongSupplier clockMillis, long intervalMillis) {
    this.log = log;
    this.sites = new MutationSites(clockMillis, intervalMillis);
    this.differences = new MutationSites(clockMillis, intervalMillis);
  }

  @Override
  public void mutation(String field, String site, String via, String entries, int callers,
      String action) {
    String at = site + (via == null ? "" : " called from " + via);
    MutationSites.Line admitted = sites.admit(field + '\n' + at, "at " + at + ": " + field,
        callers > 1);
    if (admitted == null) {
      return;
    }
    String line = "mutation of " + field + " at " + at
        + ": " + action + " " + entries + ", instance handed to " + callers(callers)
        + admitted.suffix();
    log.event(admitted.warn(), line, "event", "mutation", "field", field, "site", site,
        "via", via == null ? "" : via, "methods", entries, "callers", callers, "action", action,
        "detection", "barrier");
  }

  @Override
  public void lateMutation(String path, String entry, String detectedAt, int callers, String action) {
    boolean notRejected = NOT_REJECTED.equals(action);
    MutationSites.Line admitted = sites.admit(path + '\n' + entry + '\n' + detectedAt,
        "at " + detectedAt + " (no barrier there, found at the next call of " + entry + "): " + path,
        callers > 1 || notRejected);
    if (admitted == null) {
      return;
    }
    String line = "mutation of " + path + " (no barrier there) detected when " + entry
        + " was called again from " + detectedAt + ": " + action + " " + entry
        + ", instance handed to " + callers(callers)
        + (notRejected ? " (on-mutation: fail cannot stop a write that passes no barrier)" : "")
        + admitted.suffix();
    log.event(admitted.warn(), line, "event", "mutation", "field", path, "site", detectedAt,
        "methods", entry, "callers", callers, "action", action, "detection", "read");
  }

  @Override
  public void verifyDifference(String method, String path) {
    MutationSites.Line admitted = differences.admit(method, method, true);
    if (admitted == null) {
      return;
    }
    String line;
    if (path.startsWith(Verify.THREW)) {
      line = "verify: " + method + " threw " + path.substring(Verify.THREW.length(), path.length() - 1)
          + " where memoizing it would have returned the memoized value" + admitted.suffix();
    } else {
      line = "verify: " + method + " returned a result different from the memoized one at "
          + path + "; memoizing it would have served stale data" + admitted.suffix();
    }
    log.event(true, line, "event", "verify-difference", "method", method, "path", path);
  }

  @Override
  public void jdbcWrite(String statement, int cleared) {
    if (log.isDebugEnabled()) {
      log.debug("JDBC write via " + statement + " cleared " + cleared
          + (cleared == 1 ? " entry" : " entries"));
    }
  }

  @Override
  public void notice(String message) {
    log.info(message);
  }

  /**
   * Names the exception's class and the agent frame that failed, never its message: an exception
   * thrown by host code (a class loader, a collection) carries host text, values included.
   */
  @Override
  public void internalError(String where, Throwable error) {
    String type = error == null ? "null" : error.getClass().getName();
    if (reportedErrors.size() < MAX_REPORTED_ERRORS && reportedErrors.add(where + '\n' + type)) {
      log.warn("internal error in " + where + " (" + type + agentFrame(error)
          + "); the application call went on without memoguard");
    }
  }

  /** Where in the agent a failure happened, e.g. {@code at io.memoguard.runtime.Memoizer.store(Memoizer.java:160)}. */
  public static String agentFrame(Throwable error) {
    try {
      for (StackTraceElement frame : error.getStackTrace()) {
        if (frame.getClassName().startsWith("io.memoguard.")
            && !frame.getClassName().startsWith("io.memoguard.shaded.")) {
          return " at " + frame.getClassName() + "." + frame.getMethodName()
              + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
        }
      }
    } catch (Throwable ignored) {
      // no frame then
    }
    return "";
  }

  /**
   * One line per mutation site with its count, most frequent first, e.g.
   * {@code mutations at com.acme.X.m(X.java:12): com.acme.domain.Product.investor x42}.
   */
  public List<String> siteSummary() {
    List<MutationSites.Total> totals = sites.totals();
    List<String> lines = new ArrayList<>();
    long more = 0;
    for (int i = 0; i < totals.size(); i++) {
      MutationSites.Total total = totals.get(i);
      if (i < MutationSites.MAX_SUMMARY_LINES) {
        lines.add("mutations " + total.label() + " x" + total.count());
      } else {
        more += total.count();
      }
    }
    if (more > 0) {
      lines.add("mutations at " + (totals.size() - MutationSites.MAX_SUMMARY_LINES)
          + " more sites x" + more);
    }
    return lines;
  }

  /**
   * Verify mode: one line per memoized method whose results differed, with its count, most
   * frequent first, e.g. {@code verify differences in com.acme.repo.QuoteRepository.getQuote x12}.
   */
  public List<String> differenceSummary() {
    List<String> lines = new ArrayList<>();
    for (MutationSites.Total total : differences.totals()) {
      if (lines.size() == MutationSites.MAX_SUMMARY_LINES) {
        break;
      }
      lines.add("verify differences in " + total.label() + " x" + total.count());
    }
    return lines;
  }

  private static String callers(int callers) {
    return callers == 1 ? "1 caller" : callers + " callers";
  }
}
