package io.memoguard.corpus.bench;

import io.memoguard.runtime.Calls;
import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.snapshot.Guarded;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Not a test: measures Memoizer.key + Memoizer.hit for the values in docs/MUTATIONS.md. Run by hand. */
public class HitCostMain {
  /** Like an instrumented domain class: barrier-covered fields, tracker. */
  public static class GuardedItem implements Guarded {
    private static final boolean $memoguard$barriered = true; // the agent marks rewritten classes
    private Object $memoguard$tracker;
    String name;
    Date when;
    GuardedItem(String n, Date d) { name = n; when = d; }
    public Object $memoguard$getTracker() { return $memoguard$tracker; }
    public void $memoguard$setTracker(Object t) { $memoguard$tracker = t; }
  }

  /** Application class outside guard.packages. */
  public static class PlainItem {
    String name;
    Date when;
    PlainItem(String n, Date d) { name = n; when = d; }
  }

  public static class Holder implements Guarded {
    private static final boolean $memoguard$barriered = true; // the agent marks rewritten classes
    private Object $memoguard$tracker;
    List<Object> items = new ArrayList<>();
    public Object $memoguard$getTracker() { return $memoguard$tracker; }
    public void $memoguard$setTracker(Object t) { $memoguard$tracker = t; }
  }

  public static class Single implements Guarded {
    private static final boolean $memoguard$barriered = true; // the agent marks rewritten classes
    private Object $memoguard$tracker;
    String name = "single";
    long amount = 5;
    public Object $memoguard$getTracker() { return $memoguard$tracker; }
    public void $memoguard$setTracker(Object t) { $memoguard$tracker = t; }
  }

  static volatile Object sinkhole;

  public static void main(String[] args) {
    Settings.configure(OnMutation.INVALIDATE, 10_000, 1_000_000, new String[] {"io.memoguard.corpus.bench"}, EventSink.NONE);
    RequestScope.enter();
    Holder guardedList = new Holder();
    Holder plainList = new Holder();
    for (int i = 0; i < 1000; i++) {
      guardedList.items.add(new GuardedItem("item" + i, new Date(i)));
      plainList.items.add(new PlainItem("item" + i, new Date(i)));
    }
    String site = "bench.Repo|load|(J)Ljava/lang/Object;";
    store(site, 1L, guardedList);
    store(site, 2L, plainList);
    store(site, 3L, new Single());
    int n = 100_000;
    long[][] best = new long[4][2];
    for (long[] b : best) { b[0] = b[1] = Long.MAX_VALUE; }
    for (int round = 0; round < 10; round++) {
      for (long id = 1; id <= 3; id++) {
        Object key = Calls.key(site, null, new Object[] {id});
        for (int i = 0; i < 20_000; i++) { // warm-up
          sinkhole = Memoizer.hit(Calls.key(site, null, new Object[] {id}));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          sinkhole = Memoizer.hit(Calls.key(site, null, new Object[] {id}));
        }
        long keyAndHit = (System.nanoTime() - t0) / n;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          sinkhole = Memoizer.hit(key);
        }
        long hitOnly = (System.nanoTime() - t0) / n;
        if (Memoizer.hit(key) == null) throw new AssertionError("not served");
        best[(int) id][0] = Math.min(best[(int) id][0], keyAndHit);
        best[(int) id][1] = Math.min(best[(int) id][1], hitOnly);
        if (round == 9) {
          keyAndHit = best[(int) id][0];
          hitOnly = best[(int) id][1];
          String what = id == 1 ? "1,000-element list of guarded {String, Date} objects"
              : id == 2 ? "1,000-element list of unguarded {String, Date} objects"
              : "single guarded object (String, long)";
          System.out.printf("%-55s Memoizer.key+Memoizer.hit %,8d ns   Memoizer.hit alone %,8d ns (best of 10 x 100k)%n", what, keyAndHit, hitOnly);
        }
      }
    }
    long bestStore = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        store(site, 4L + i, guardedList);
      }
      bestStore = Math.min(bestStore, (System.nanoTime() - t0) / 200);
      RequestScope.exit();
      RequestScope.enter();
    }
    System.out.printf("store (walk + track) of the guarded 1,000-element value: %,d ns%n", bestStore);
  }

  static void store(String site, long id, Object value) {
    Memoizer.store(Calls.key(site, null, new Object[] {id}), value);
  }
}
