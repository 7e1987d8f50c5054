package io.memoguard.runtime;

/**
 * The int woven into each memoized method for its memoize rule. A rule without parking weaves its
 * plain on-mutation mode ({@link Settings#GLOBAL} .. {@link Settings#FAIL}, all below 16), so
 * methods woven before parking existed keep their meaning. A parking rule weaves its park timeout
 * in milliseconds above the low four bits, which hold the mode plus one.
 */
public final class RuleConstant {
  /** The largest park timeout the constant can carry; configuration allows far less. */
  public static final int MAX_PARK_MILLIS = Integer.MAX_VALUE >>> 4;

  private RuleConstant() {}

  /**
   * The constant for a rule.
   *
   * @param mode the rule's on-mutation, or {@link Settings#GLOBAL}
   * @param parkMillis the park timeout, 0 when the rule does not park
   */
  public static int of(int mode, int parkMillis) {
    if (parkMillis <= 0) {
      return mode;
    }
    return (Math.min(parkMillis, MAX_PARK_MILLIS) << 4) | ((mode + 1) & 0xF);
  }

  static int mode(int constant) {
    return constant < 16 ? constant : (constant & 0xF) - 1;
  }

  static int parkMillis(int constant) {
    return constant < 16 ? 0 : constant >>> 4;
  }
}
