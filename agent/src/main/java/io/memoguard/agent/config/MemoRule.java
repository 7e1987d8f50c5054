package io.memoguard.agent.config;

import java.util.List;

/**
 * A {@code memoize:} rule. {@code methods} holds method-name globs (never empty: defaults applied).
 * {@code onMutation} is the rule's own {@code on-mutation}, or null when the rule has none and the
 * global setting applies to its entries. {@code mode} is the rule's own {@code mode}, or null when
 * the global {@code mode} applies.
 */
public record MemoRule(Selector selector, List<String> methods, OnMutation onMutation, Mode mode) {

  /** A rule without its own {@code on-mutation} or {@code mode}. */
  public MemoRule(Selector selector, List<String> methods) {
    this(selector, methods, null, null);
  }

  /** A rule without its own {@code mode}. */
  public MemoRule(Selector selector, List<String> methods, OnMutation onMutation) {
    this(selector, methods, onMutation, null);
  }
}
