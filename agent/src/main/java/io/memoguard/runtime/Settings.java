package io.memoguard.runtime;

/**
 * Configuration the runtime needs at call time, set by the agent at start-up. Some of it is set
 * after instrumentation is installed (woven code may already run on other threads, and a
 * run-time attach finds the application running), so the fields are volatile: woven code reads
 * the defaults until then, which keep every call running as without the agent.
 */
public final class Settings {
  /** {@code requests.max-entries} when not configured: the entries one request's table holds. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /**
   * {@code guard.max-graph-objects} when not configured: the objects reachable from a value (or
   * the elements of an argument) beyond which it is not memoized.
   */
  public static final int DEFAULT_MAX_GRAPH_OBJECTS = 100_000;
  /**
   * The wait for a running call of the same key: {@code park-timeout-ms} of a {@code park: true}
   * rule without one, and the in-request wait of a rule that does not park.
   */
  public static final int DEFAULT_WAIT_MILLIS = 5_000;
  /**
   * {@code requests.max-bytes} and {@code requests.max-total-bytes} when not configured: not
   * positive, so {@link #configureMemory} keeps the default share of the maximum heap.
   */
  public static final long DEFAULT_BYTES = -1;

  static volatile boolean enabled;
  static volatile OnMutation onMutation = OnMutation.INVALIDATE;
  static volatile int maxEntries = DEFAULT_MAX_ENTRIES;
  static volatile int maxGraphObjects = DEFAULT_MAX_GRAPH_OBJECTS;
  static volatile GuardPackages guardPackages = GuardPackages.NONE;
  static volatile EventSink sink = EventSink.NONE;
  /** Global {@code mode: verify}. */
  static volatile boolean verify;
  /** {@code jdbc.clear-on-write}. */
  static volatile boolean clearOnJdbcWrite = true;
  /** Set while a class that should carry advice runs without it; see {@link #hold}. */
  static volatile boolean held;

  private Settings() {}

  public static void configure(
      OnMutation globalOnMutation, int maxEntriesPerRequest, int maxObjects, String[] guardPackages,
      EventSink eventSink) {
    onMutation = globalOnMutation == null ? OnMutation.INVALIDATE : globalOnMutation;
    maxEntries = maxEntriesPerRequest;
    maxGraphObjects = maxObjects;
    Settings.guardPackages = new GuardPackages(guardPackages);
    sink = eventSink == null ? EventSink.NONE : eventSink;
    enabled = true;
  }

  /**
   * The global {@code mode} and the JDBC write safety net; call before instrumentation is
   * installed, like {@link #configure}.
   */
  public static void configureModes(Mode mode, boolean clearOnJdbcWrites) {
    verify = mode == Mode.VERIFY;
    clearOnJdbcWrite = clearOnJdbcWrites;
  }

  /**
   * {@code requests.max-bytes} and {@code requests.max-total-bytes}; a value not positive keeps
   * the default share of the maximum heap. Call before instrumentation is installed.
   */
  public static void configureMemory(long maxRequestBytes, long maxTotalBytes) {
    MemoryBudget.maxRequestBytes = maxRequestBytes > 0 ? maxRequestBytes
        : MemoryBudget.fraction(MemoryBudget.DEFAULT_REQUEST_FRACTION);
    MemoryBudget.maxTotalBytes = maxTotalBytes > 0 ? maxTotalBytes
        : MemoryBudget.fraction(MemoryBudget.DEFAULT_TOTAL_FRACTION);
  }

  /**
   * While held, no request opens, so nothing is memoized: a class that should carry advice
   * (an invalidating method, a JDBC write) but runs without it until it is retransformed would
   * otherwise let a request serve what that class changed.
   */
  public static void hold(boolean holding) {
    held = holding;
  }

  static boolean isGuardedClass(String className) {
    return guardPackages.contains(className);
  }
}
