package io.memoguard.agent.config;

import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.Mode;
import java.util.List;

/**
 * A {@code memoize:} rule. {@code methods} holds method-name globs (never empty: defaults applied).
 * {@code onMutation} is the rule's own {@code on-mutation}, or null when the rule has none and the
 * global setting applies to its entries. {@code mode} is the rule's own {@code mode}, or null when
 * the global {@code mode} applies. {@code parkMillis} is the park timeout of a rule with
 * {@code park: true}, 0 for a rule that does not park.
 */
public record MemoRule(
    Selector selector, List<String> methods, OnMutation onMutation, Mode mode, int parkMillis) {
  /** Parking exists to smooth a stampede, not to queue requests for minutes. */
  public static final int MAX_PARK_TIMEOUT_MS = 600_000;

  /** A rule without its own {@code on-mutation}. */
  public MemoRule(Selector selector, List<String> methods) {
    this(selector, methods, null);
  }

  /** A rule that neither parks nor has its own {@code mode}. */
  public MemoRule(Selector selector, List<String> methods, OnMutation onMutation) {
    this(selector, methods, onMutation, null, 0);
  }

  /** A rule that parks, without its own {@code mode}. */
  public MemoRule(Selector selector, List<String> methods, OnMutation onMutation, int parkMillis) {
    this(selector, methods, onMutation, null, parkMillis);
  }

  /** A rule with its own {@code mode} that does not park. */
  public MemoRule(Selector selector, List<String> methods, OnMutation onMutation, Mode mode) {
    this(selector, methods, onMutation, mode, 0);
  }

  public boolean parks() {
    return parkMillis > 0;
  }
}
