package io.memoguard.runtime;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The JDBC write safety net: a statement that may have written to the database, executed during
 * a request, drops every memoized entry of that request, whichever code issued it (another DAO, a
 * JdbcTemplate, a native query). Whether a statement wrote is decided without parsing SQL: the
 * update and batch methods always count, {@code execute} counts unless it returned a result set,
 * and a call that threw counts too (the write may have partly happened).
 */
public final class JdbcWrites {
  private static final AtomicIntegerFieldUpdater<Request> WRITES =
      AtomicIntegerFieldUpdater.newUpdater(Request.class, "jdbcWrites");
  /**
   * Set while a write runs on this thread, so that a pool's proxy statement delegating to the
   * driver's statement counts as one write. Removed when the outermost call returns.
   */
  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private JdbcWrites() {}

  /** Returns true for the outermost statement call within a request; only then is exit needed. */
  public static boolean enter() {
    try {
      if (!Settings.clearOnJdbcWrite || RequestScope.current() == null || ACTIVE.get() != null) {
        return false;
      }
      ACTIVE.set(Boolean.TRUE);
      return true;
    } catch (Throwable error) {
      Settings.sink.internalError("jdbc write", error);
      return false;
    }
  }

  /**
   * After the outermost statement call.
   *
   * @param statement {@code Class.method} of the statement method
   * @param result the call's result, boxed; {@code Boolean.TRUE} from {@code execute} means a query
   * @param thrown what the call threw, or null
   */
  public static void exit(String statement, Object result, Throwable thrown) {
    ACTIVE.remove();
    try {
      if (thrown == null && Boolean.TRUE.equals(result)) {
        return;
      }
      Request request = RequestScope.current();
      if (request == null) {
        return;
      }
      // first: a memoized call running now (maybe the caller of this write) must not store a
      // result computed before the write
      WRITES.incrementAndGet(request);
      List<Entry> removed = request.table.removeAll();
      for (Entry entry : removed) {
        entry.dispose();
        entry.key.site.stats.invalidated(MethodStats.JDBC_WRITE);
      }
      Stats.JDBC_WRITES.increment();
      Settings.sink.jdbcWrite(statement, removed.size());
    } catch (Throwable error) {
      Settings.sink.internalError("jdbc write", error);
    }
  }

  /** The request's write count, taken when a memoized call starts. */
  static int writes(Request request) {
    return request.jdbcWrites;
  }

  /** True when a JDBC write happened in the key's request since the call started. */
  static boolean wroteSince(Key key) {
    return key.request.jdbcWrites != key.writesAtStart;
  }
}
