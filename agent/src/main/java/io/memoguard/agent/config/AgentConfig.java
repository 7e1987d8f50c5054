package io.memoguard.agent.config;

import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * The validated configuration. {@code logFile} is null for standard error. Lists are immutable and
 * never null. {@code mode} is the global {@code mode}; {@code clearOnJdbcWrite} is
 * {@code jdbc.clear-on-write}. {@code propagate} ({@code requests.propagate}, on by default)
 * carries a request into the work it hands to other threads. {@code maxRequestBytes} and
 * {@code maxTotalBytes} ({@code requests.max-bytes}, {@code requests.max-total-bytes}) are in
 * bytes, {@link Settings#DEFAULT_BYTES} when not configured. {@code logFormat} is {@code text} or
 * {@code json}; {@code summarySeconds} ({@code log.summary-interval}) is 0 for no periodic summary.
 */
public record AgentConfig(
    Path source,
    List<MemoRule> memoize,
    List<InvalidateRule> invalidate,
    List<String> guardPackages,
    OnMutation onMutation,
    List<EntryPoint> entryPoints,
    int maxEntries,
    int maxGraphObjects,
    String logLevel,
    String logFile,
    Mode mode,
    boolean clearOnJdbcWrite,
    boolean propagate,
    long maxRequestBytes,
    long maxTotalBytes,
    String logFormat,
    int summarySeconds) {

  public static final String DEFAULT_LOG_FORMAT = "text";
  public static final int DEFAULT_SUMMARY_SECONDS = 60;

  /** As the canonical constructor, with the log format and summary interval at their defaults. */
  public AgentConfig(Path source, List<MemoRule> memoize, List<InvalidateRule> invalidate,
      List<String> guardPackages, OnMutation onMutation, List<EntryPoint> entryPoints,
      int maxEntries, int maxGraphObjects, String logLevel, String logFile, Mode mode,
      boolean clearOnJdbcWrite, boolean propagate, long maxRequestBytes, long maxTotalBytes) {
    this(source, memoize, invalidate, guardPackages, onMutation, entryPoints, maxEntries,
        maxGraphObjects, logLevel, logFile, mode, clearOnJdbcWrite, propagate, maxRequestBytes,
        maxTotalBytes, DEFAULT_LOG_FORMAT, DEFAULT_SUMMARY_SECONDS);
  }

  /** As the canonical constructor, with the memory budgets at their defaults (shares of the heap). */
  public AgentConfig(Path source, List<MemoRule> memoize, List<InvalidateRule> invalidate,
      List<String> guardPackages, OnMutation onMutation, List<EntryPoint> entryPoints,
      int maxEntries, int maxGraphObjects, String logLevel, String logFile, Mode mode,
      boolean clearOnJdbcWrite, boolean propagate) {
    this(source, memoize, invalidate, guardPackages, onMutation, entryPoints, maxEntries,
        maxGraphObjects, logLevel, logFile, mode, clearOnJdbcWrite, propagate,
        Settings.DEFAULT_BYTES, Settings.DEFAULT_BYTES);
  }

  /** Global {@code mode: memoize}, the JDBC write safety net and propagation on (the defaults). */
  public AgentConfig(Path source, List<MemoRule> memoize, List<InvalidateRule> invalidate,
      List<String> guardPackages, OnMutation onMutation, List<EntryPoint> entryPoints,
      int maxEntries, int maxGraphObjects, String logLevel, String logFile) {
    this(source, memoize, invalidate, guardPackages, onMutation, entryPoints, maxEntries,
        maxGraphObjects, logLevel, logFile, Mode.MEMOIZE, true, true);
  }

  /** As the canonical constructor, with {@code propagate} at its default (on). */
  public AgentConfig(Path source, List<MemoRule> memoize, List<InvalidateRule> invalidate,
      List<String> guardPackages, OnMutation onMutation, List<EntryPoint> entryPoints,
      int maxEntries, int maxGraphObjects, String logLevel, String logFile, Mode mode,
      boolean clearOnJdbcWrite) {
    this(source, memoize, invalidate, guardPackages, onMutation, entryPoints, maxEntries,
        maxGraphObjects, logLevel, logFile, mode, clearOnJdbcWrite, true);
  }

  public static final List<String> DEFAULT_READ_METHODS = List.of(
      "get*", "find*", "load*", "fetch*", "read*", "list*", "count*", "exists*", "query*",
      "search*", "select*", "lookup*");
}
