package io.memoguard.runtime;

/**
 * {@code on-mutation}, global and per memoize rule: what the agent does when it detects a write to
 * an object that is part of a memoized value. Woven into each memoized method as part of its
 * {@link RuleConstant}, where a rule without its own value weaves "the global one".
 */
public enum OnMutation {
  /** Drop the entries that hold the object and log the write; the write happens. */
  INVALIDATE,
  /** Log the write and keep serving the (now changed) value. */
  LOG,
  /** Reject the write with {@link MutationRejectedException}, where a barrier sees it first. */
  FAIL;

  private static final OnMutation[] ALL = values();

  /** The value a woven code stands for, or null ("the global one") for any other code. */
  static OnMutation ofCode(int code) {
    return code >= 0 && code < ALL.length ? ALL[code] : null;
  }

  /** The woven code of {@code onMutation}; null (the global one) is -1. */
  static int code(OnMutation onMutation) {
    return onMutation == null ? -1 : onMutation.ordinal();
  }
}
