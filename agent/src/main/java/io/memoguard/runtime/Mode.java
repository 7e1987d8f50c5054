package io.memoguard.runtime;

/**
 * {@code mode}, global and per memoize rule. Woven into each memoized method as an int
 * ({@link #code}), where a rule without its own mode weaves "the global one".
 */
public enum Mode {
  /** Repeated calls are served from the request's memo table. */
  MEMOIZE,
  /**
   * Every call runs as if the agent were absent; a call that would have been a hit is compared
   * with the memoized value and a difference is reported ({@link Verify}).
   */
  VERIFY;

  /** What {@link #code} weaves ({@link Verify#applies}). */
  static final int MEMOIZE_CODE = 0;
  static final int VERIFY_CODE = 1;

  /** The int woven for a rule with {@code mode}; null (the global mode) is -1. */
  public static int code(Mode mode) {
    return mode == null ? -1 : mode == VERIFY ? VERIFY_CODE : MEMOIZE_CODE;
  }
}
