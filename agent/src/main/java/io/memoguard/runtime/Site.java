package io.memoguard.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memoized method of one loaded class. The advice passes the class itself and a constant string
 * ({@code type|method|descriptor}); sites are kept per {@link Class}, never by name, so the same
 * class name loaded by two class loaders gives two sites whose entries never meet. Overloads differ
 * in the descriptor. The woven rule constant (on-mutation, park timeout) is part of the site,
 * so the hit path looks it up with the site and nothing else.
 */
final class Site {
  /** Notice flags, each said once per site. */
  static final int NOTICE_ARGUMENTS = 1;
  static final int NOTICE_SIZE = 2;
  static final int NOTICE_CONSUMABLE = 4;

  /** Per class: the table lives and dies with the class, so it never keeps a loader alive. */
  private static final ClassValue<Table> BY_CLASS = new ClassValue<Table>() {
    @Override
    protected Table computeValue(Class<?> type) {
      return new Table(type);
    }
  };
  /** Sites created without a class (tests, callers that have none); never cleared by a class. */
  private static final Table UNOWNED = new Table(null);

  /** The class whose method this is; null for a site created without one. */
  final Class<?> owner;
  final String id;
  final String type;
  final String method;
  final String display;
  /** Shared with the method's other sites (overloads, other loaders' copies of the class). */
  final MethodStats stats;
  /** The woven constant this site was created for ({@link RuleConstant}). */
  final int constant;
  /** The rule's own on-mutation; null when the global one applies. */
  final OnMutation onMutation;
  /** The rule's {@code park-timeout-ms}; 0 when calls from different requests do not park. */
  final int parkMillis;
  /** Parameters of the method, from the descriptor in {@link #id}; -1 when it has none. */
  final int parameterCount;
  /**
   * Per argument position, the JDK class last seen there that {@link ArgumentKinds} calls a
   * value: a hit with the same classes skips the per-argument ClassValue read. JDK classes only
   * (the boot loader's), so a site never keeps another class loader alive. Racy plain writes of
   * a reference, only on a change of class: a stale read only costs the full test.
   */
  private final Class<?>[] valueClasses = new Class<?>[3];
  private final AtomicInteger noticed = new AtomicInteger();
  /** Parking timeouts since the last report, and when that was (nanos, 0 for never). */
  final AtomicLong parkTimeouts = new AtomicLong();
  final AtomicLong lastParkReport = new AtomicLong();

  private Site(Class<?> owner, String id, int constant) {
    this.owner = owner;
    this.id = id;
    this.constant = constant;
    this.onMutation = RuleConstant.onMutation(constant);
    this.parkMillis = RuleConstant.parkMillis(constant);
    int first = id.indexOf('|');
    int second = id.indexOf('|', first + 1);
    this.type = first < 0 ? id : id.substring(0, first);
    this.method = first < 0 ? "?" : id.substring(first + 1, second < 0 ? id.length() : second);
    this.display = type + "." + method;
    this.stats = MethodStats.of(display);
    this.parameterCount = second < 0 ? -1 : parameterCount(id, second + 1);
  }

  /** Counts the parameter types of the descriptor at {@code start}; -1 if it is not one. */
  private static int parameterCount(String id, int start) {
    if (start >= id.length() || id.charAt(start) != '(') {
      return -1;
    }
    int count = 0;
    for (int i = start + 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == ')') {
        return count;
      }
      if (c == '[') {
        continue;
      }
      if (c == 'L') {
        i = id.indexOf(';', i);
        if (i < 0) {
          return -1;
        }
      }
      count++;
    }
    return -1;
  }

  /** A site that belongs to no class (the rule-constant tests key sites this way). */
  static Site of(String id, int constant) {
    return of(null, id, constant);
  }

  /**
   * The site of method {@code id} of {@code owner} woven with {@code constant}. An unknown
   * on-mutation code counts as the global one: the advice and the runtime may come from different
   * builds.
   */
  static Site of(Class<?> owner, String id, int constant) {
    return (owner == null ? UNOWNED : BY_CLASS.get(owner)).site(id, constant);
  }

  /** Whether every argument is null or a value ({@link ArgumentKinds#VALUE}): nothing to normalize. */
  boolean allValues(Object[] args) {
    Class<?>[] known = valueClasses;
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == null) {
        continue;
      }
      Class<?> type = arg.getClass();
      if (i < known.length && known[i] == type) {
        continue;
      }
      if (ArgumentKinds.of(type) != ArgumentKinds.VALUE) {
        return false;
      }
      if (i < known.length && type.getClassLoader() == null) {
        known[i] = type;
      }
    }
    return true;
  }

  /** The on-mutation in force for this site's entries now. */
  OnMutation effectiveOnMutation() {
    return onMutation == null ? Settings.onMutation : onMutation;
  }

  /**
   * Whether a call of a method of {@code writer} may change what this site's method returns: the
   * same class, or one above or below it in the class hierarchy (an inherited method runs on the
   * same object and state).
   */
  boolean clearedBy(Class<?> writer) {
    return owner != null && (owner == writer || writer.isAssignableFrom(owner)
        || owner.isAssignableFrom(writer));
  }

  /** True the first time it is called with {@code flag} for this site. */
  boolean firstNotice(int flag) {
    for (;;) {
      int seen = noticed.get();
      if ((seen & flag) != 0) {
        return false;
      }
      if (noticed.compareAndSet(seen, seen | flag)) {
        return true;
      }
    }
  }

  /** The sites of one class. A class is woven once, so one constant per method is the rule. */
  private static final class Table {
    private final Class<?> owner;
    private final ConcurrentHashMap<String, Site> sites = new ConcurrentHashMap<>();
    /** The same method under another constant (only sites without a class can have that). */
    private final ConcurrentHashMap<String, Site> others = new ConcurrentHashMap<>();
    /**
     * The site found last: a class's memoized method called in a loop finds it without hashing.
     * The advice passes a constant string, the same instance on every call of a method, so
     * comparing by identity is enough; a racy plain field, as a Site's fields are final.
     */
    private Site last;

    Table(Class<?> owner) {
      this.owner = owner;
    }

    Site site(String id, int constant) {
      Site cached = last;
      if (cached != null && cached.id == id && cached.constant == constant) {
        return cached;
      }
      Site found = lookup(id, constant);
      last = found;
      return found;
    }

    private Site lookup(String id, int constant) {
      Site site = sites.get(id);
      if (site == null) {
        site = sites.computeIfAbsent(id, i -> new Site(owner, i, constant));
      }
      if (site.constant == constant) {
        return site;
      }
      return others.computeIfAbsent(constant + "|" + id, k -> new Site(owner, id, constant));
    }
  }
}
