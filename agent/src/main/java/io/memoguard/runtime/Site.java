package io.memoguard.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A memoized or invalidating method, identified by the constant string that the advice passes
 * ({@code type|method|descriptor}). Overloads differ in the descriptor and so are distinct sites.
 * The {@code on-mutation} mode of the rule that memoized the method is fixed when the advice is
 * woven and passed as a constant, so the hit path looks it up with the site and nothing else.
 */
final class Site {
  /** The method's rule has no {@code on-mutation} of its own: the global setting applies. */
  static final int INHERIT = Settings.GLOBAL;

  // one table per mode: the same id woven by two loaders under different rules stays two sites
  @SuppressWarnings("unchecked")
  private static final ConcurrentHashMap<String, Site>[] SITES = new ConcurrentHashMap[] {
      new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
      new ConcurrentHashMap<>()};

  final String id;
  final String type;
  final String method;
  final String display;
  /** {@link #INHERIT} or one of {@link Settings#INVALIDATE}, {@link Settings#LOG}, {@link Settings#FAIL}. */
  final int mode;
  /** The rule's {@code park-timeout-ms}; 0 when calls from different requests do not park. */
  final int parkMillis;

  private Site(String id, int mode) {
    this(id, mode, 0);
  }

  private Site(String id, int mode, int parkMillis) {
    this.id = id;
    this.mode = mode;
    this.parkMillis = parkMillis;
    int first = id.indexOf('|');
    int second = id.indexOf('|', first + 1);
    this.type = first < 0 ? id : id.substring(0, first);
    this.method = first < 0 ? "?" : id.substring(first + 1, second < 0 ? id.length() : second);
    this.display = type + "." + method;
  }

  static Site of(String id) {
    return of(id, INHERIT);
  }

  /**
   * An unknown mode counts as {@link #INHERIT}: the advice and the runtime may come from different
   * builds. {@code mode} is the woven {@link RuleConstant}, which may carry a park timeout too.
   */
  static Site of(String id, int mode) {
    if (RuleConstant.parkMillis(mode) > 0) {
      return Parking.site(id, mode);
    }
    int m = mode >= Settings.INVALIDATE && mode <= Settings.FAIL ? mode : INHERIT;
    ConcurrentHashMap<String, Site> sites = SITES[m + 1];
    Site site = sites.get(id);
    return site != null ? site : sites.computeIfAbsent(id, k -> new Site(k, m));
  }

  /** A site of a parking rule; the caller keeps one table per woven constant. */
  static Site parking(String id, int constant) {
    return new Site(id, knownMode(RuleConstant.mode(constant)), RuleConstant.parkMillis(constant));
  }

  static int knownMode(int mode) {
    return mode >= Settings.INVALIDATE && mode <= Settings.FAIL ? mode : INHERIT;
  }

  /** The mode in force for this site's entries now. */
  int effectiveMode() {
    return mode == INHERIT ? Settings.onMutation : mode;
  }
}
