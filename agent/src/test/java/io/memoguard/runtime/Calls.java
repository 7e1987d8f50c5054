package io.memoguard.runtime;

/**
 * Keys of calls for tests that drive the runtime without woven code: a site of no class, with the
 * global on-mutation and mode unless given.
 */
public final class Calls {
  private Calls() {}

  public static Object key(String site, Object receiver, Object[] args) {
    return key(site, RuleConstant.of(null, 0), receiver, args);
  }

  public static Object key(String site, int rule, Object receiver, Object[] args) {
    return key(site, rule, Mode.code(null), receiver, args);
  }

  public static Object key(String site, int rule, int mode, Object receiver, Object[] args) {
    return Memoizer.key((Class<?>) null, site, rule, mode, receiver, args);
  }
}
