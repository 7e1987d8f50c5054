package io.memoguard.runtime;

/**
 * The int woven into each memoized method for its memoize rule: its {@link OnMutation} and its
 * park timeout. A rule without parking weaves the plain on-mutation code (-1 for the global one,
 * else the ordinal, all below 16), so methods woven before parking existed keep their meaning. A
 * parking rule weaves its park timeout in milliseconds above the low four bits, which hold the
 * on-mutation code plus one.
 */
public final class RuleConstant {
  /** The largest park timeout the constant can carry; configuration allows far less. */
  public static final int MAX_PARK_MILLIS = Integer.MAX_VALUE >>> 4;

  private RuleConstant() {}

  /**
   * The constant for a rule.
   *
   * @param onMutation the rule's on-mutation, or null for the global one
   * @param parkMillis the park timeout, 0 when the rule does not park
   */
  public static int of(OnMutation onMutation, int parkMillis) {
    int code = OnMutation.code(onMutation);
    if (parkMillis <= 0) {
      return code;
    }
    return (Math.min(parkMillis, MAX_PARK_MILLIS) << 4) | ((code + 1) & 0xF);
  }

  /** The rule's on-mutation; null for the global one, and for a code this build does not know. */
  static OnMutation onMutation(int constant) {
    return OnMutation.ofCode(constant < 16 ? constant : (constant & 0xF) - 1);
  }

  static int parkMillis(int constant) {
    return constant < 16 ? 0 : constant >>> 4;
  }
}
