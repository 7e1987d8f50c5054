package io.memoguard.agent.instrument;

import io.memoguard.runtime.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the runtime reported, as the log lines' essential parts. Shared by the test suites. */
public final class RecordingSink implements EventSink {
  public record Late(String path, String entry, String detectedAt, int callers, String action) {
    @Override
    public String toString() {
      return path + " | " + entry + " | " + detectedAt + " | " + callers + " | " + action;
    }
  }

  public record Mutation(String field, String site, String via, String entries, int callers, String action) {}

  public final List<Mutation> mutations = new CopyOnWriteArrayList<>();
  public final List<Late> late = new CopyOnWriteArrayList<>();
  public final List<String> notices = new CopyOnWriteArrayList<>();
  public final List<String> errors = new CopyOnWriteArrayList<>();
  /** "Class.method cleared N". */
  public final List<String> jdbcWrites = new CopyOnWriteArrayList<>();
  /** "Class.method at PATH". */
  public final List<String> differences = new CopyOnWriteArrayList<>();

  /** "hits=H misses=M" of each request that ended. */
  public final List<String> requestEnds = new CopyOnWriteArrayList<>();

  @Override
  public void requestEnd(int hits, int misses) {
    requestEnds.add("hits=" + hits + " misses=" + misses);
  }

  @Override
  public void jdbcWrite(String statement, int cleared) {
    jdbcWrites.add(statement + " cleared " + cleared);
  }

  @Override
  public void verifyDifference(String method, String path) {
    differences.add(method + " at " + path);
  }

  @Override
  public void mutation(String field, String site, String via, String entries, int callers,
      String action) {
    mutations.add(new Mutation(field, site, via, entries, callers, action));
  }

  @Override
  public void lateMutation(String path, String entry, String detectedAt, int callers, String action) {
    late.add(new Late(path, entry, detectedAt, callers, action));
  }

  @Override
  public void notice(String message) {
    notices.add(message);
  }

  @Override
  public void internalError(String where, Throwable error) {
    errors.add(where + ": " + error);
  }
}
