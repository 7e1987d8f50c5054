package io.memoguard.agent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The validated configuration. {@code logFile} is null for standard error. Lists are immutable and
 * never null.
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
    String logFile) {

  public static final List<String> DEFAULT_READ_METHODS = List.of(
      "get*", "find*", "load*", "fetch*", "read*", "list*", "count*", "exists*", "query*",
      "search*", "select*", "lookup*");
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final int DEFAULT_MAX_GRAPH_OBJECTS = 100_000;
}
