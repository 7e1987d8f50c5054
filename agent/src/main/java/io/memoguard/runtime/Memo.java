package io.memoguard.runtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry points for the advice woven into memoized and invalidating methods. Every method returns
 * normally whatever happens inside; a failure is reported once and the host call proceeds as if the
 * agent were absent.
 */
public final class Memo {
  private static final Set<String> NOTICED = ConcurrentHashMap.newKeySet();
  /** Per class, not in a set of classes: remembering a class must not keep its loader alive. */
  private static final ClassValue<AtomicBoolean> UNGUARDED_NOTICED = new ClassValue<AtomicBoolean>() {
    @Override
    protected AtomicBoolean computeValue(Class<?> type) {
      return new AtomicBoolean();
    }
  };

  private Memo() {}

  /**
   * Builds the key of a call, or returns null when the call must run untouched: outside a request,
   * or with an argument that cannot be part of a key. The key takes ownership of {@code args}.
   *
   * @param type the class that declares the method, as woven: sites are per loaded class, so the
   *     same class name in two class loaders never shares entries
   * @param site {@code type|method|descriptor}
   * @param mode the woven {@link RuleConstant}: on-mutation mode and park timeout
   * @param memoMode {@link Verify#MEMOIZE}, {@link Verify#VERIFY} or {@link Verify#INHERIT}
   */
  public static Object key(Class<?> type, String site, int mode, int memoMode, Object receiver,
      Object[] args) {
    try {
      Request request = RequestScope.current();
      if (request == null) {
        return null;
      }
      return key(request, Site.of(type, site, mode), memoMode, receiver, args);
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
  }

  /** As {@link #key(Class, String, int, int, Object, Object[])}, for a site that has no class (tests). */
  public static Object key(String site, Object receiver, Object[] args) {
    return key(site, Site.INHERIT, receiver, args);
  }

  /** As {@link #key(String, Object, Object[])}, with the woven {@link RuleConstant}. */
  public static Object key(String site, int mode, Object receiver, Object[] args) {
    return key(site, mode, Verify.INHERIT, receiver, args);
  }

  /** As {@link #key(String, int, Object, Object[])}, with the rule's memoize/verify mode. */
  public static Object key(String site, int mode, int memoMode, Object receiver, Object[] args) {
    return key(null, site, mode, memoMode, receiver, args);
  }

  private static Object key(Request request, Site s, int memoMode, Object receiver, Object[] args) {
    Stats.CALLS.increment();
    s.stats.calls.increment();
    Object[] normalized = ArgumentKeys.normalizeArguments(args);
    if (normalized == ArgumentKeys.NOT_MEMOIZABLE) {
      Stats.PASS_THROUGH.increment();
      s.stats.passThrough.increment();
      if (s.firstNotice(Site.NOTICE_ARGUMENTS)) {
        Settings.sink.notice("calls of " + s.display + " pass through unmemoized: an argument cannot"
            + " be part of a key (" + ArgumentKeys.firstUnsupportedType(args) + "; keys take"
            + " immutable JDK values, and arrays, Optionals and JDK collections of them)");
      }
      return null;
    }
    Key key = new Key(s, receiver, normalized, request);
    key.verify = Verify.applies(memoMode);
    key.writesAtStart = JdbcWrites.writes(request);
    return key;
  }

  /**
   * Returns the entry to serve, or null for a miss. On a miss it may first wait for the same call
   * running on another thread of the request ({@link InFlight}) or, with {@code park: true}, for
   * another request ({@link Parking}); a miss must be followed by {@link #release} on every path.
   */
  public static Object hit(Object key) {
    try {
      Key k = (Key) key;
      Entry entry = lookup(k);
      // verify mode runs every call as if the agent were absent: it never waits for another call
      if (entry == null && !k.verify) {
        entry = InFlight.onMiss(k);
      }
      if (entry == null) {
        Stats.MISSES.increment();
        k.site.stats.misses.increment();
        k.startNanos = System.nanoTime();
        return null;
      }
      if (k.verify) {
        return Verify.wouldHit(k, entry);
      }
      entry.served();
      Stats.HITS.increment();
      MethodStats stats = k.site.stats;
      stats.hits.increment();
      stats.savedNanos.add(entry.costNanos);
      Stats.SAVED_NANOS.add(entry.costNanos);
      return entry;
    } catch (Throwable error) {
      Settings.sink.internalError("memo lookup", error);
      return null;
    }
  }

  /** The live entry for the key after verification, or null; counts nothing. */
  static Entry lookup(Key k) {
    Entry entry = k.request.get(k);
    if (entry == null || !entry.live) {
      return null;
    }
    if (entry.trustEpoch != BarrierTrust.epoch) {
      // walked while barriers were trusted that no longer are: its guarded objects have no snapshot
      entry.invalidate(MethodStats.OTHER);
      return null;
    }
    Graph graph = entry.graph;
    if (graph.needsVerify()) {
      String changed = graph.verify();
      if (changed != null && Mutations.changedBeforeHit(entry, changed)) {
        return null;
      }
    }
    return entry;
  }

  /**
   * Ends a call that missed, after its result was stored or its exception thrown: callers waiting
   * for it go on. Called from the advice's exit whatever the body did.
   */
  public static void release(Object key) {
    try {
      InFlight.release((Key) key);
    } catch (Throwable error) {
      Settings.sink.internalError("memo release", error);
    }
  }

  /** The memoized value of an entry returned by {@link #hit}. */
  public static Object value(Object hit) {
    return ((Entry) hit).value;
  }

  /** Remembers the result of a call that completed normally. */
  public static void store(Object key, Object value) {
    try {
      Key k = (Key) key;
      long costNanos = k.startNanos == 0 ? 0 : System.nanoTime() - k.startNanos;
      // computed (partly) before a JDBC write of the same request: may already be stale
      if (JdbcWrites.wroteSince(k) || Verify.compared(k, value)) {
        return;
      }
      int trustEpoch = BarrierTrust.epoch;
      Footprint footprint = new Footprint();
      Graph graph = GraphWalker.walk(value, Settings.maxGraphObjects, footprint);
      if (graph == null && footprint.consumable != null) {
        Stats.PASS_THROUGH.increment();
        k.site.stats.passThrough.increment();
        noticeConsumable(k.site, footprint.consumable);
        return;
      }
      if (graph == null) {
        Stats.PASS_THROUGH.increment();
        k.site.stats.passThrough.increment();
        if (k.site.firstNotice(Site.NOTICE_SIZE)) {
          Settings.sink.notice("results of " + k.site.display + " are not memoized: more than "
              + Settings.maxGraphObjects + " objects reachable (guard.max-graph-objects)");
        }
        return;
      }
      Entry entry = new Entry(k, value, graph, footprint.bytes);
      entry.trustEpoch = trustEpoch;
      entry.costNanos = costNanos;
      for (int i = 0, n = graph.guardedCount(); i < n; i++) {
        Trackers.track(graph.guarded(i), entry);
      }
      Entry previous = k.request.put(k, entry);
      if (previous == entry) {
        entry.dispose();
        return;
      }
      if (previous != null) {
        previous.dispose();
      }
      // a write counted on another thread of the request after the check above cleared the table
      // before the put: the entry (read before the write) must not be served after it
      if (JdbcWrites.wroteSince(k) && k.request.remove(entry)) {
        entry.dispose();
        return;
      }
      noticeUnguarded(graph);
    } catch (Throwable error) {
      Settings.sink.internalError("memo store", error);
    }
  }

  /** A call that threw: nothing is stored; in verify mode, a would-be hit that threw is a difference. */
  public static void failed(Object key, Throwable thrown) {
    try {
      Verify.threw((Key) key, thrown);
    } catch (Throwable error) {
      Settings.sink.internalError("memo failure", error);
    }
  }

  /**
   * Drops the current request's entries of methods of {@code type} and of the classes above and
   * below it in its hierarchy (an invalidating call of a method declared in {@code type}).
   */
  public static void clearType(Class<?> type) {
    try {
      Request request = RequestScope.current();
      if (request != null) {
        dispose(request.removeType(type), MethodStats.RULE);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("invalidate", error);
    }
  }

  /** Drops every entry of the current request (an invalidate rule with {@code clears: request}). */
  public static void clearRequest() {
    clearAll(MethodStats.RULE);
  }

  /** Drops every entry of the current request: a new persistence context (Hibernate session) opens. */
  public static void clearSession() {
    clearAll(MethodStats.SESSION);
  }

  private static void clearAll(int cause) {
    try {
      Request request = RequestScope.current();
      if (request != null) {
        dispose(request.removeAll(), cause);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("invalidate", error);
    }
  }

  private static void dispose(List<Entry> entries, int cause) {
    for (Entry entry : entries) {
      entry.dispose();
      entry.key.site.stats.invalidated(cause);
    }
  }

  /**
   * Says once per class that objects of an application class without barriers are part of a cached
   * value: a write to them is found only when the value is served again.
   */
  private static void noticeUnguarded(Graph graph) {
    for (Class<?> type : graph.unguardedClasses()) {
      if (UNGUARDED_NOTICED.get(type).compareAndSet(false, true)) {
        // a class of guard.packages here lost its barriers (failed rewrite, loaded before the
        // agent, or reached through a subclass outside guard.packages): adding it changes nothing
        Settings.sink.notice(Settings.isGuardedClass(type.getName())
            ? "class " + type.getName() + " carries no write barrier here, checked on read"
            : "class " + type.getName() + " is not guarded, checked on read (add its"
                + " package to guard.packages for write barriers)");
      }
    }
  }

  /** Says once per method which kind of object kept its results from being memoized. */
  private static void noticeConsumable(Site site, Class<?> type) {
    Class<?> kind = Consumables.kindOf(type);
    String what = "a " + type.getName() + (kind != null ? " (" + kind.getName() + ")"
        : ", JDK state the agent cannot compare");
    if (site.firstNotice(Site.NOTICE_CONSUMABLE)) {
      Settings.sink.notice("results of " + site.display + " are not memoized: they hold " + what
          + ", which the first caller may consume or change");
    }
  }

  /** Says a request-independent notice once per JVM ({@code key} names the reason, not a class). */
  static void noticeOnce(String key, String message) {
    if (NOTICED.add(key)) {
      Settings.sink.notice(message);
    }
  }
}
