package io.memoguard.agent.config;

import java.util.List;

/** An {@code invalidate:} rule: calls to matching methods drop memoized entries of the request. */
public record InvalidateRule(Selector selector, List<String> methods, Clears clears) {
  public enum Clears { CLASS, REQUEST }
}
