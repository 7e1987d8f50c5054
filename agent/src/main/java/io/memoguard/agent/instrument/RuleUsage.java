package io.memoguard.agent.instrument;

import io.memoguard.agent.config.Selector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Remembers which configured selectors matched at least one class, to report typos at exit. */
public final class RuleUsage {
  private final Map<Selector, Boolean> matched = new ConcurrentHashMap<>();
  private final Map<Selector, String> sections = new LinkedHashMap<>();

  void register(String section, Selector selector) {
    sections.put(selector, section);
  }

  void matched(Selector selector) {
    matched.putIfAbsent(selector, Boolean.TRUE);
  }

  /** One description per selector that never matched, e.g. {@code memoize rule at line 4 (class: x)}. */
  public List<String> unmatched() {
    return sections.entrySet().stream()
        .filter(e -> !matched.containsKey(e.getKey()))
        .map(e -> e.getValue() + " rule at line " + e.getKey().line() + " (" + e.getKey() + ")")
        .collect(Collectors.toList());
  }
}
