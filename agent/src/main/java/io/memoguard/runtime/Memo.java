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
   */
  public static Object key(String site, Object receiver, Object[] args) {
    return key(site, Site.INHERIT, receiver, args);
  }

  /**
   * As {@link #key(String, Object, Object[])}, for a method whose memoize rule has its own
   * {@code on-mutation}.
   *
   * @param mode {@link Settings#INVALIDATE}, {@link Settings#LOG}, {@link Settings#FAIL}, or
   *     {@link Settings#GLOBAL}
   */
  public static Object key(String site, int mode, Object receiver, Object[] args) {
    return key(site, mode, Verify.INHERIT, receiver, args);
  }

  /**
   * As {@link #key(String, int, Object, Object[])}, for a method whose memoize rule has its own
   * {@code mode}.
   *
   * @param memoMode {@link Verify#MEMOIZE}, {@link Verify#VERIFY} or {@link Verify#INHERIT}
   */
  public static Object key(String site, int mode, int memoMode, Object receiver, Object[] args) {
    try {
      Request request = RequestScope.current();
      if (request == null) {
        return null;
      }
      Stats.CALLS.increment();
      Object[] normalized = ArgumentKeys.normalizeArguments(args);
      if (normalized == ArgumentKeys.NOT_MEMOIZABLE) {
        Stats.PASS_THROUGH.increment();
        Site s = Site.of(site, mode);
        noticeOnce(s.id + "#args", "calls of " + s.display + " pass through unmemoized: argument type "
            + ArgumentKeys.firstUnsupportedType(args)
            + " is not an immutable JDK value, so a later change to it could not be seen");
        return null;
      }
      Key key = new Key(Site.of(site, mode), receiver, normalized, request);
      key.verify = Verify.applies(memoMode);
      key.writesAtStart = JdbcWrites.writes(request);
      return key;
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
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
        return null;
      }
      if (k.verify) {
        return Verify.wouldHit(k, entry);
      }
      entry.served();
      Stats.HITS.increment();
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
      entry.invalidate();
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
      // computed (partly) before a JDBC write of the same request: may already be stale
      if (JdbcWrites.wroteSince(k) || Verify.compared(k, value)) {
        return;
      }
      int trustEpoch = BarrierTrust.epoch;
      Graph graph = GraphWalker.walk(value, Settings.maxGraphObjects);
      if (graph == null) {
        Stats.PASS_THROUGH.increment();
        noticeOnce(k.site.id + "#size", "results of " + k.site.display + " are not memoized: more than "
            + Settings.maxGraphObjects + " objects reachable (guard.max-graph-objects)");
        return;
      }
      Entry entry = new Entry(k, value, graph);
      entry.trustEpoch = trustEpoch;
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

  /** Drops the current request's entries of methods of {@code type} (an invalidating call). */
  public static void clearType(String type) {
    try {
      Request request = RequestScope.current();
      if (request != null) {
        dispose(request.removeType(type));
      }
    } catch (Throwable error) {
      Settings.sink.internalError("invalidate", error);
    }
  }

  /** Drops every entry of the current request. */
  public static void clearRequest() {
    try {
      Request request = RequestScope.current();
      if (request != null) {
        dispose(request.removeAll());
      }
    } catch (Throwable error) {
      Settings.sink.internalError("invalidate", error);
    }
  }

  private static void dispose(List<Entry> entries) {
    for (Entry entry : entries) {
      entry.dispose();
      Stats.INVALIDATIONS.increment();
    }
  }

  /**
   * Says once per class that objects of an application class without barriers are part of a cached
   * value: a write to them is found only when the value is served again.
   */
  private static void noticeUnguarded(Graph graph) {
    for (Class<?> type : graph.unguardedClasses()) {
      if (UNGUARDED_NOTICED.get(type).compareAndSet(false, true)) {
        // a class of guard.packages lands here when some of its writes pass no barrier, which the
        // agent reported when it learnt it; advising guard.packages would then be wrong
        Settings.sink.notice(Settings.isGuardedClass(type.getName())
            ? "class " + type.getName() + " is guarded, but not all writes to its fields pass a"
                + " barrier: checked on read"
            : "class " + type.getName() + " is not guarded, checked on read (add its package to"
                + " guard.packages for write barriers)");
      }
    }
  }

  static void noticeOnce(String key, String message) {
    if (NOTICED.add(key)) {
      Settings.sink.notice(message);
    }
  }
}
