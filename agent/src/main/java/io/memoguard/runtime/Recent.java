package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.BarrierTrust;

/**
 * One slot of a binding's recent hits: the call the probe served last for a site (slots are
 * direct-mapped by the hash of the woven site string) and what serving it again needs. A method
 * called again with equal arguments is served from here with a few compares in one object,
 * without the site's ClassValue, the call's hash or the table's map (whose JDK {@code hashCode}
 * and {@code equals} calls are megamorphic), and without walking entry, key and site.
 *
 * <p>Only the probe path fills a slot, with an entry it has just served to a call whose arguments
 * were all JDK values and whose value needs no re-check, so the entry's key holds those values as
 * they are and comparing with them asks what the probe would. A slot answers only while its entry
 * is live (every removal from a table disposes the entry, on the removing thread before it
 * returns to the host) and was walked under the current barrier-trust epoch; anything else goes
 * the full way, which invalidates or checks the entry. Slots belong to one binding, so to one
 * thread: plain fields, overwritten in place, so that serving and remembering allocate nothing
 * once a binding has its slots.
 */
final class Recent {
  /** A request calls a handful of memoized methods; a power of two. */
  static final int SLOTS = 16;

  String site;
  private Class<?> type;
  private int rule;
  private Object receiver;
  private Object a0;
  private Object a1;
  private Object a2;
  private int trustEpoch;
  Entry entry;
  MethodStats stats;
  long costNanos;
  /**
   * Hits served from this slot not yet in the shared counters (the time they saved is
   * {@link #savedNanos}): added by {@link Binding#flush}, or by {@link Binding#flush(Recent)}
   * before the slot is reused.
   */
  long hits;

  private Recent() {}

  /**
   * The binding's slot of this exact call if its entry may be served as it is, or null. The slot
   * used last was tried already ({@link Memoizer#repeated}, which a method called in a loop
   * passes without hashing its site string), so this looks in the slots by the site's hash.
   */
  static Recent find(Binding binding, String site, Class<?> type, int rule, Object receiver,
      Object a0, Object a1, Object a2) {
    Recent[] slots = binding.recent;
    Recent r = slots == null ? null : slots[site.hashCode() & (SLOTS - 1)];
    if (r == null || r.site != site) {
      return null;
    }
    binding.last = r;
    return r.serves(type, rule, receiver, a0, a1, a2) ? r : null;
  }

  /** Whether this slot's entry may be served as it is to this call of its site. */
  boolean serves(Class<?> type, int rule, Object receiver, Object a0, Object a1, Object a2) {
    return this.type == type && this.rule == rule && this.receiver == receiver
        && same(this.a0, a0) && same(this.a1, a1) && same(this.a2, a2)
        && entry.live && trustEpoch == BarrierTrust.epoch;
  }

  /**
   * Serves this slot's entry to a call of {@code binding} in {@code request}. Its method's hits
   * wait in the slot, which its binding's readings and flushes include, and their saved time is
   * {@code hits * costNanos}: one count per hit, and nothing else of the binding touched.
   */
  Entry serve(Binding binding, Request request) {
    Entry served = entry;
    served.served(binding);
    request.hits++;
    hits++;
    return served;
  }

  /**
   * Keeps {@code entry}, which the probe has just served to a call with JDK values only, as the
   * call of woven site string {@code site}; an entry whose value is re-checked at every hit is
   * left to the probe path, which checks it.
   */
  static void remember(Binding binding, String site, Entry entry) {
    if (entry.snapshot.needsCheck() || entry.key.args.length > Probe.MAX_BUFFERED) {
      return;
    }
    Recent[] slots = binding.recent;
    if (slots == null) {
      slots = binding.recent = new Recent[SLOTS];
    }
    binding.holdsPending();
    int i = site.hashCode() & (SLOTS - 1);
    Recent r = slots[i];
    if (r == null) {
      r = slots[i] = new Recent();
    } else {
      binding.flush(r);
    }
    Key key = entry.key;
    Object[] args = key.args;
    r.site = site;
    r.type = key.site.owner;
    r.rule = key.site.constant;
    r.receiver = key.receiver;
    r.a0 = args.length > 0 ? args[0] : null;
    r.a1 = args.length > 1 ? args[1] : null;
    r.a2 = args.length > 2 ? args[2] : null;
    r.trustEpoch = entry.trustEpoch;
    r.entry = entry;
    r.stats = key.site.stats;
    r.costNanos = entry.costNanos;
    binding.last = r;
  }

  /**
   * Whether argument {@code arg} equals {@code stored}, a JDK value (or null) of a key. The boxes
   * of small numbers are cached, so identity usually answers; the common boxes compare their
   * values without a virtual call; other classes of the same JDK value class by its equals.
   */
  private static boolean same(Object stored, Object arg) {
    // identity inline; the rest out of line, so that the hit path stays small enough to inline
    return stored == arg || equalValues(stored, arg);
  }

  private static boolean equalValues(Object stored, Object arg) {
    if (stored == null || arg == null) {
      return false;
    }
    Class<?> c = stored.getClass();
    if (c != arg.getClass()) {
      return false;
    }
    if (c == Integer.class) {
      return ((Integer) stored).intValue() == ((Integer) arg).intValue();
    }
    if (c == Long.class) {
      return ((Long) stored).longValue() == ((Long) arg).longValue();
    }
    return stored.equals(arg);
  }

  /** The time the pending {@link #hits} saved: each saved what the call that computed it cost. */
  long savedNanos() {
    return hits * costNanos;
  }
}
