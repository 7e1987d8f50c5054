package io.memoguard.agent.jfr;

import io.memoguard.runtime.EventSink;

/**
 * Passes every event on to the log's sink, and records it as a JFR event when a recording enables
 * that event type. Never throws: a failure to record leaves the log line and the host untouched.
 */
public final class JfrEventSink implements EventSink {
  private final EventSink log;

  private JfrEventSink(EventSink log) {
    this.log = log;
  }

  /** The log's sink with JFR events, or the log's sink alone on a JVM without {@code jdk.jfr}. */
  public static EventSink around(EventSink log) {
    try {
      return ModuleLayer.boot().findModule("jdk.jfr").isPresent() ? new JfrEventSink(log) : log;
    } catch (Throwable unavailable) {
      return log;
    }
  }

  @Override
  public void mutation(String field, String site, String via, String entries, int callers,
      String action) {
    log.mutation(field, site, via, entries, callers, action);
    mutation(field, site, via, entries, callers, action, "barrier");
  }

  @Override
  public void lateMutation(String path, String entry, String detectedAt, int callers,
      String action) {
    log.lateMutation(path, entry, detectedAt, callers, action);
    mutation(path, detectedAt, null, entry, callers, action, "read");
  }

  private static void mutation(String field, String site, String via, String entries, int callers,
      String action, String detection) {
    try {
      MutationEvent event = new MutationEvent();
      if (event.isEnabled()) {
        event.field = field;
        event.site = site;
        event.via = via;
        event.methods = entries;
        event.callers = callers;
        event.action = action;
        event.detection = detection;
        event.commit();
      }
    } catch (Throwable ignored) {
      // the log line is written; a recording that cannot take the event loses only the event
    }
  }

  @Override
  public void invalidation(String method, String cause, int entries) {
    log.invalidation(method, cause, entries);
    try {
      InvalidationEvent event = new InvalidationEvent();
      if (event.isEnabled()) {
        event.method = method;
        event.cause = cause;
        event.entries = entries;
        event.commit();
      }
    } catch (Throwable ignored) {
      // as in mutation
    }
  }

  @Override
  public void verifyDifference(String method, String path) {
    log.verifyDifference(method, path);
    try {
      VerifyDifferenceEvent event = new VerifyDifferenceEvent();
      if (event.isEnabled()) {
        event.method = method;
        event.path = path;
        event.commit();
      }
    } catch (Throwable ignored) {
      // as in mutation
    }
  }

  @Override
  public void requestEnd(int hits, int misses) {
    log.requestEnd(hits, misses);
    try {
      RequestEvent event = new RequestEvent();
      if (event.isEnabled()) {
        event.hits = hits;
        event.misses = misses;
        event.commit();
      }
    } catch (Throwable ignored) {
      // as in mutation
    }
  }

  @Override
  public void notice(String message) {
    log.notice(message);
  }

  @Override
  public void internalError(String where, Throwable error) {
    log.internalError(where, error);
  }

  @Override
  public void jdbcWrite(String statement, int cleared) {
    log.jdbcWrite(statement, cleared);
  }
}
