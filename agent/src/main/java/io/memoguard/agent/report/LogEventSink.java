package io.memoguard.agent.report;

import io.memoguard.runtime.EventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs what the runtime reports, one line per event. A mutation of an instance that was handed to
 * more than one caller is the dangerous aliasing case and is logged at WARN; one seen by a single
 * caller is usually the legitimate load, change, save path and is logged at INFO.
 */
public final class LogEventSink implements EventSink {
  private final AgentLog log;
  private final Set<String> reportedErrors = ConcurrentHashMap.newKeySet();

  public LogEventSink(AgentLog log) {
    this.log = log;
  }

  @Override
  public void mutation(String field, String site, String via, String entries, int callers,
      String action) {
    String line = "mutation of " + field + " at " + site
        + (via == null ? "" : " called from " + via)
        + ": " + action + " " + entries + ", instance handed to " + callers(callers);
    atLevel(callers, line);
  }

  @Override
  public void lateMutation(String path, String entry, String detectedAt, int callers, String action) {
    String line = "mutation of " + path + " (no barrier there) detected when " + entry
        + " was called again from " + detectedAt + ": " + action + " " + entry
        + ", instance handed to " + callers(callers);
    atLevel(callers, line);
  }

  @Override
  public void notice(String message) {
    log.info(message);
  }

  @Override
  public void internalError(String where, Throwable error) {
    if (reportedErrors.add(where + error.getClass().getName())) {
      log.warn("internal error in " + where + " (" + error.getClass().getName()
          + "); the application call went on without memoguard: " + error.getMessage());
    }
  }

  private void atLevel(int callers, String line) {
    if (callers > 1) {
      log.warn(line);
    } else {
      log.info(line);
    }
  }

  private static String callers(int callers) {
    return callers == 1 ? "1 caller" : callers + " callers";
  }
}
