package io.memoguard.runtime;

/**
 * Where the runtime reports what it saw. The agent installs an implementation that logs; the
 * runtime itself cannot log because it lives on the bootstrap class path and may use JDK types only.
 * Implementations must be cheap and must not throw.
 */
public interface EventSink {
  /** The entries were dropped; later callers get fresh data. */
  String INVALIDATED = "invalidated";
  /** {@code on-mutation: log}: reported only, the entries stay. */
  String LOGGED = "logged";
  /** {@code on-mutation: fail}: the write was rejected before it happened. */
  String REJECTED = "rejected";
  /**
   * {@code on-mutation: fail}, but the change was only found at the next call (no barrier there),
   * after the write had happened: the entry was invalidated instead.
   */
  String NOT_REJECTED = "not rejected, invalidated";

  /**
   * A write barrier fired on an object that is part of live memoized values.
   *
   * @param field the written field as {@code fully.qualified.Class.field}
   * @param site the frame that executed the write, {@code Class.method(File.java:line)}; for a
   *     reflective write ({@code Field.set}), the frame that called the setter
   * @param via the first caller outside the guarded packages when the write happened inside a
   *     guarded class (a setter), else null
   * @param entries the memoized methods whose values contained the object, comma separated. When
   *     entries of different modes held it, those of the other action follow, e.g.
   *     {@code A.get; logged B.find} with action {@code invalidated}
   * @param callers how many callers had received the instance (the largest count over the entries)
   * @param action {@link #INVALIDATED}, {@link #LOGGED} or {@link #REJECTED}
   */
  void mutation(String field, String site, String via, String entries, int callers, String action);

  /**
   * A change found when a memoized value was about to be handed out again: the object carried no
   * barrier (collection, array, Date, unguarded class), so the write itself was not seen.
   *
   * @param action {@link #INVALIDATED}, {@link #LOGGED} or {@link #NOT_REJECTED}
   */
  void lateMutation(String path, String entry, String detectedAt, int callers, String action);

  /** A one-time notice (a method that cannot be memoized, a value too large to guard...). */
  void notice(String message);

  /** Something went wrong inside the runtime; the host call went on untouched. */
  void internalError(String where, Throwable error);

  /**
   * Verify mode: a would-be hit returned something different from the memoized value.
   *
   * @param method {@code Class.method} of the memoized method
   * @param path the first differing path, e.g. {@code Mortgage.product.investor} or
   *     {@code ArrayList (size 3 -> 2)}; never a value
   */
  default void verifyDifference(String method, String path) {}

  /**
   * A JDBC statement that may have written ran during a request and dropped its entries.
   *
   * @param statement {@code Class.method} of the statement
   * @param cleared how many entries were dropped
   */
  default void jdbcWrite(String statement, int cleared) {}

  /**
   * Entries of a memoized method were dropped.
   *
   * @param method {@code Class.method}, as the counters name it
   * @param cause {@code rule}, {@code mutation}, {@code jdbc-write}, {@code session} or {@code other}
   * @param entries how many entries were dropped
   */
  default void invalidation(String method, String cause, int entries) {}

  /** A request that called memoized methods has ended. */
  default void requestEnd(int hits, int misses) {}

  /** The no-op sink, used until the agent has installed its own. */
  EventSink NONE = new EventSink() {
    @Override public void mutation(String f, String s, String v, String e, int c, String a) {}
    @Override public void lateMutation(String p, String e, String d, int c, String a) {}
    @Override public void notice(String message) {}
    @Override public void internalError(String where, Throwable error) {}
  };
}
