package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Consumables;
import io.memoguard.runtime.snapshot.Footprint;
import io.memoguard.runtime.snapshot.BarrierTrust;
import io.memoguard.runtime.snapshot.Snapshot;
import io.memoguard.runtime.snapshot.SnapshotTaker;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry points for the advice woven into memoized and invalidating methods: it builds the key of
 * a call, looks it up in the request's {@link MemoTable}, stores a result with its
 * {@link Snapshot}, and clears entries. Every method returns
 * normally whatever happens inside; a failure is reported once and the host call proceeds as if the
 * agent were absent.
 */
public final class Memoizer {
  /**
   * The two {@code lookUp}s, which {@link #enter} calls through these handles: fields that are not
   * final are not constants, so the JIT cannot inline what they call. Inlined, the lookup and the
   * miss (run by the first calls of every request, so hot in any service) made each woven method
   * so big that the JIT stopped inlining anything after them in it: the advice's small calls at
   * every hit, and the host's own calls in the method's body (NodeCountInliningCutoff). Null if a
   * handle could not be made; {@code lookUp} is then called directly.
   */
  private static MethodHandle lookUpFew = handle(Object.class, Object.class, Object.class);
  private static MethodHandle lookUpAll = handle(Object[].class);

  private Memoizer() {}

  private static MethodHandle handle(Class<?>... arguments) {
    try {
      MethodType type = MethodType.methodType(Object.class, Class.class, String.class, int.class,
          int.class, Object.class).appendParameterTypes(arguments);
      return MethodHandles.lookup().findStatic(Memoizer.class, "lookUp", type);
    } catch (Throwable unavailable) {
      return null;
    }
  }

  /**
   * Builds the key of a call, or returns null when the call must run untouched: outside a request,
   * or with an argument that cannot be part of a key. The key takes ownership of {@code args}.
   *
   * @param type the class that declares the method, as woven: sites are per loaded class, so the
   *     same class name in two class loaders never shares entries; null for a site of no class
   * @param site {@code type|method|descriptor}
   * @param rule the woven {@link RuleConstant}: on-mutation and park timeout
   * @param mode the woven {@link Mode#code}: memoize, verify, or the global mode
   */
  public static Object key(Class<?> type, String site, int rule, int mode, Object receiver,
      Object[] args) {
    try {
      Request request = RequestScope.current();
      if (request == null) {
        return null;
      }
      return key(request, Site.of(type, site, rule), mode, receiver, args);
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
  }

  /**
   * The hit path's first step, for a method of up to three parameters: the entry this thread
   * served last, if this call repeats that call and the entry may be served as it is; otherwise
   * null, and the advice goes on to {@link #enter(Class, String, int, int, Object, Object, Object,
   * Object) enter}. Kept to a few compares, and calls nothing that does more: the JIT inlines a
   * method only while its compiled code is small, and a method that also led to the lookup and
   * the miss became too big as soon as a service's first calls of each request had run it, so
   * every hit paid a call.
   */
  public static Object repeated(Class<?> type, String site, int rule, int mode, Object receiver,
      Object a0, Object a1, Object a2) {
    try {
      Binding binding = RequestScope.binding();
      Recent r;
      Request request;
      if (binding != null && (r = binding.last) != null && r.site == site
          && r.serves(type, rule, receiver, a0, a1, a2)
          && (request = binding.effectiveRequest()) != null && !Verify.applies(mode)) {
        return r.serve(binding, request);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
    }
    return null;
  }

  /**
   * The advice's entry for a method of up to three parameters: the arguments arrive one by one
   * (the missing ones as null; the site's descriptor tells how many), so a hit allocates nothing.
   * Returns the entry to serve ({@link #served}), the key of a call that missed ({@link #missed}),
   * or null for a call that runs untouched; a miss must be followed by {@link #release} on every
   * path.
   */
  public static Object enter(Class<?> type, String site, int rule, int mode, Object receiver,
      Object a0, Object a1, Object a2) {
    try {
      MethodHandle handle = lookUpFew;
      return handle != null
          ? (Object) handle.invokeExact(type, site, rule, mode, receiver, a0, a1, a2)
          : lookUp(type, site, rule, mode, receiver, a0, a1, a2);
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
  }

  private static Object lookUp(Class<?> type, String site, int rule, int mode, Object receiver,
      Object a0, Object a1, Object a2) {
    try {
      Binding binding = RequestScope.binding();
      Request request = binding == null ? null : binding.effectiveRequest();
      if (request == null) {
        return null;
      }
      if (!Verify.applies(mode)) {
        Recent r = Recent.find(binding, site, type, rule, receiver, a0, a1, a2);
        if (r != null) {
          return r.serve(binding, request);
        }
      }
      Site s = Site.of(type, site, rule);
      if (s.parameterCount < 0 || s.parameterCount > Probe.MAX_BUFFERED) {
        return null; // not woven by this build's planner: run the call untouched
      }
      return enter(binding, request, s, site, mode, receiver,
          binding.probe().buffer(s.parameterCount, a0, a1, a2));
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
  }

  /** {@link #enter(Class, String, int, int, Object, Object, Object, Object)} for any arity. */
  public static Object enter(Class<?> type, String site, int rule, int mode, Object receiver,
      Object[] args) {
    try {
      MethodHandle handle = lookUpAll;
      return handle != null ? (Object) handle.invokeExact(type, site, rule, mode, receiver, args)
          : lookUp(type, site, rule, mode, receiver, args);
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
  }

  private static Object lookUp(Class<?> type, String site, int rule, int mode, Object receiver,
      Object[] args) {
    try {
      Binding binding = RequestScope.binding();
      Request request = binding == null ? null : binding.effectiveRequest();
      if (request == null) {
        return null;
      }
      return enter(binding, request, Site.of(type, site, rule), null, mode, receiver,
          args == null ? new Object[0] : args);
    } catch (Throwable error) {
      Settings.sink.internalError("memo key", error);
      return null;
    }
  }

  /**
   * Looks the call up with the binding's {@link Probe} and builds a {@link Key} only when it
   * misses. {@code few}: the woven site string of a call whose arguments came one by one, in the
   * probe's buffer (which a key must copy), and whose hits {@link Recent} keeps; null for an
   * argument array. Only calls
   * whose arguments are all JDK values (or null) are probed: their key material is the arguments
   * as they are, so the probe asks exactly what the key would. Any other argument (an application
   * object keyed by its fields, an array, a collection) is normalized by the key path alone, which
   * builds its material once, from the arguments as passed; verify mode never serves, and its keys
   * carry per-call state.
   */
  private static Object enter(Binding binding, Request request, Site s, String few, int mode,
      Object receiver, Object[] args) {
    Probe probe = binding.probe();
    try {
      if (!Verify.applies(mode) && s.allValues(args)) {
        Entry entry = request.table.find(probe.set(s, receiver, args));
        if (entry != null) {
          // counted as the key path counts a hit ({@link #hit}), the shared counters at flush
          entry.served(binding);
          request.hits++;
          binding.probeHit(s.stats, entry.costNanos);
          if (few != null) {
            Recent.remember(binding, few, entry);
          }
          return entry;
        }
      }
      Object key = key(request, s, mode, receiver, few != null ? args.clone() : args);
      probe.clear(); // before a possible wait in hit
      return key == null ? null : missOrWait(key);
    } finally {
      probe.clear();
    }
  }

  /** The entry {@link #hit} found after all (a running identical call finished), or the key. */
  private static Object missOrWait(Object key) {
    Object hit = hit(key);
    return hit != null ? hit : key;
  }

  /** What {@link #enter} returned, as the entry to serve, or null. */
  public static Object served(Object entered) {
    return entered instanceof Entry ? entered : null;
  }

  /** What {@link #enter} returned, as the key of a call that missed, or null. */
  public static Object missed(Object entered) {
    return entered instanceof Key ? entered : null;
  }

  private static Object key(Request request, Site s, int mode, Object receiver, Object[] args) {
    Stats.CALLS.increment();
    s.stats.calls.increment();
    boolean verify = Verify.applies(mode);
    if (verify && request.firstCallOf(s.stats)) {
      // the candidates report's repeats per request; memoize mode does not pay for it
      s.stats.requests.increment();
    }
    Object[] normalized = ArgumentKeys.normalizeArguments(args);
    if (normalized == ArgumentKeys.NOT_MEMOIZABLE) {
      Stats.PASS_THROUGH.increment();
      s.stats.passThrough.increment();
      if (s.firstNotice(Site.NOTICE_ARGUMENTS)) {
        Settings.sink.notice("calls of " + s.display + " pass through unmemoized: an argument cannot"
            + " be part of a key (" + ArgumentKeys.firstUnsupportedType(args) + "; keys take"
            + " immutable JDK values, application objects by their fields, and arrays, Optionals"
            + " and JDK collections of them)");
      }
      return null;
    }
    Key key = new Key(s, receiver, normalized, request);
    key.verify = verify;
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
      Entry entry = k.request.table.lookup(k);
      // verify mode runs every call as if the agent were absent: it never waits for another call
      if (entry == null && !k.verify) {
        entry = InFlight.onMiss(k);
      }
      if (entry == null) {
        Stats.MISSES.increment();
        k.site.stats.misses.increment();
        k.request.misses++;
        k.startNanos = System.nanoTime();
        return null;
      }
      if (k.verify) {
        return Verify.wouldHit(k, entry);
      }
      entry.served(RequestScope.binding());
      Stats.HITS.increment();
      MethodStats stats = k.site.stats;
      stats.hits.increment();
      k.request.hits++;
      stats.savedNanos.add(entry.costNanos);
      Stats.SAVED_NANOS.add(entry.costNanos);
      return entry;
    } catch (Throwable error) {
      Settings.sink.internalError("memo lookup", error);
      return null;
    }
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
      Snapshot snapshot = SnapshotTaker.take(value, Settings.maxGraphObjects, footprint);
      if (snapshot == null && footprint.consumable() != null) {
        Stats.PASS_THROUGH.increment();
        k.site.stats.passThrough.increment();
        Notices.consumable(k.site, footprint.consumable());
        return;
      }
      if (snapshot == null) {
        Stats.PASS_THROUGH.increment();
        k.site.stats.passThrough.increment();
        if (k.site.firstNotice(Site.NOTICE_SIZE)) {
          Settings.sink.notice("results of " + k.site.display + " are not memoized: more than "
              + Settings.maxGraphObjects + " objects reachable (guard.max-graph-objects)");
        }
        return;
      }
      Entry entry = new Entry(k, value, snapshot, footprint.bytes());
      entry.trustEpoch = trustEpoch;
      entry.owner = RequestScope.binding();
      entry.costNanos = costNanos;
      for (int i = 0, n = snapshot.guardedCount(); i < n; i++) {
        Trackers.track(snapshot.guarded(i), entry);
      }
      Entry previous = k.request.table.put(k, entry);
      if (previous == entry) {
        entry.dispose();
        return;
      }
      if (previous != null) {
        previous.dispose();
      }
      // a write counted on another thread of the request after the check above cleared the table
      // before the put: the entry (read before the write) must not be served after it
      if (JdbcWrites.wroteSince(k) && k.request.table.remove(entry)) {
        entry.dispose();
        return;
      }
      Notices.unguarded(snapshot);
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
        dispose(request.table.removeType(type), MethodStats.RULE);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("invalidate", error);
    }
  }

  /** Drops every entry of the current request (an invalidate rule with {@code clears: request}). */
  public static void clearRequest() {
    try {
      Request request = RequestScope.current();
      if (request != null) {
        dispose(request.table.removeAll(), MethodStats.RULE);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("invalidate", error);
    }
  }

  /**
   * A new JPA persistence context (Hibernate session) opened: drops the current request's entries
   * whose values hold its objects (entities, proxies, lazy collections), which would be detached
   * in it. Entries of plain values (JDBC-mapped objects, DTOs, JDK values) are the same in any
   * persistence context and stay.
   */
  public static void clearSession() {
    try {
      Request request = RequestScope.current();
      if (request != null) {
        dispose(request.table.removePersistent(), MethodStats.SESSION);
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
}
