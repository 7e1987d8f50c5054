package io.memoguard.runtime;

/**
 * Where the runtime reports what it saw. The agent installs an implementation that logs; the
 * runtime itself cannot log because it lives on the bootstrap class path and may use JDK types only.
 * Implementations must be cheap and must not throw.
 */
public interface EventSink {
  /**
   * A write barrier fired on an object that is part of live memoized values.
   *
   * @param field the written field as {@code fully.qualified.Class.field}
   * @param site the frame that executed the write, {@code Class.method(File.java:line)}
   * @param via the first caller outside the guarded packages when the write happened inside a
   *     guarded class (a setter), else null
   * @param entries the memoized methods whose values contained the object, comma separated
   * @param callers how many callers had received the instance (the largest count over the entries)
   * @param action what the agent did: "invalidated", "logged" or "rejected"
   */
  void mutation(String field, String site, String via, String entries, int callers, String action);

  /**
   * A change found when a memoized value was about to be handed out again: the object carried no
   * barrier (collection, array, Date, unguarded class), so the write itself was not seen.
   */
  void lateMutation(String path, String entry, String detectedAt, int callers, String action);

  /** A one-time notice (a method that cannot be memoized, a value too large to guard...). */
  void notice(String message);

  /** Something went wrong inside the runtime; the host call went on untouched. */
  void internalError(String where, Throwable error);

  /** The no-op sink, used until the agent has installed its own. */
  EventSink NONE = new EventSink() {
    @Override public void mutation(String f, String s, String v, String e, int c, String a) {}
    @Override public void lateMutation(String p, String e, String d, int c, String a) {}
    @Override public void notice(String message) {}
    @Override public void internalError(String where, Throwable error) {}
  };
}
