package io.memoguard.bench;

import java.util.List;

/**
 * The goals of issue 13 (hit cost), each computed from two numbers of the same run and added to
 * the report's budget table: the hit against a ConcurrentHashMap and Caffeine lookup, against a
 * deep copy of the 1,111-node list tree, the re-check cost per container element, the allocation
 * per hit, and the agent's cost to host code that never touches a cached value.
 */
final class HitBudgets {
  private HitBudgets() {}

  static void section(Report r) {
    BenchMain.Row hit = r.row("agent", "HitBench.memoguardHit", "", "");
    double h = hit == null ? Double.NaN : hit.score();
    double chm = r.ns("agent", "HitBench.concurrentHashMapGetKeyFromInts", "", "");
    double caffeine = r.ns("agent", "HitBench.caffeineGetIfPresent", "", "");
    r.budget("Hit, one guarded object, 2 int args ÷ `ConcurrentHashMap.get` with a record key built "
        + "from them (issue 13)", "≤ ×3", Report.x(h / chm) + " (" + Report.t(h) + " / "
        + Report.t(chm) + ")", h / chm <= 3, h / chm <= 3 ? "" : "a repeated call is served by "
            + "`Memoizer.repeated`, inlined into the woven method: the binding's read (three "
            + "dependent loads through the thread table), the last slot's compares, the entry's "
            + "live flag, the request's state and three plain counters, with the boxing of the "
            + "arguments and the advice's checks of the result (see \"Where a hit spends its "
            + "time\"); the map lookup it is compared with is a few dependent loads on a key the "
            + "JIT keeps in registers, and its ± here is large. `HitRatios` (thread CPU time, "
            + "both sides in one JVM) measures x1.8-2.4 for the same pair (notes, \"Fifth "
            + "round\"). Would take: the site's slot reached without the binding (a per-thread "
            + "cache the woven code could address directly)");
    r.budget("Hit ÷ Caffeine `getIfPresent` (issue 13)", "≤ ×2", Report.x(h / caffeine) + " ("
        + Report.t(h) + " / " + Report.t(caffeine) + ")", h / caffeine <= 2, h / caffeine <= 2 ? ""
        : "the fixed part of a hit (see \"Where a hit spends its time\"): the binding's read "
            + "(three dependent loads), the recent slot's compares, the entry's live flag, the boxing "
            + "of the arguments and the counters; Caffeine gets a prebuilt key");
    double tree = r.ns("agent", "MemoSizeBench.memoguardHit", "list", 1111);
    double copy = r.ns("plain", "AltListBench.handWrittenDeepCopy", "", 1111);
    r.budget("Hit on the 1,111-node list tree ÷ hand-written deep copy (issue 13)", "≤ ×0.10",
        Report.x(tree / copy) + " (" + Report.t(tree) + " / " + Report.t(copy) + ")",
        tree / copy <= 0.10, tree / copy <= 0.10 ? "" : "the tree has 1,111 `ArrayList`s without "
            + "a barrier; each is read at every hit (the 1,000 empty ones in a loop of their own "
            + "that reads only their size; the 111 others' size and elementData, compared by "
            + "identity), so "
            + "what remains is a load per list, a cache miss on a large value. Would take: a "
            + "barrier on JDK containers (retransforming `ArrayList` and `HashMap` writes, a cost "
            + "to every host collection) so that an entry's check can be skipped when none of its "
            + "containers was written");
    List<Integer> sizes = r.sizes("MemoSizeBench.memoguardHit");
    if (sizes.size() >= 2) {
      int lo = sizes.get(0);
      int hi = sizes.get(sizes.size() - 1);
      StringBuilder measured = new StringBuilder();
      double worst = 0;
      for (String shape : new String[] {"list", "array", "map"}) {
        double per = (r.ns("agent", "MemoSizeBench.memoguardHit", shape, hi)
            - r.ns("agent", "MemoSizeBench.memoguardHit", shape, lo)) / (hi - lo);
        worst = Double.isNaN(per) ? Double.NaN : Math.max(worst, per);
        measured.append(measured.length() == 0 ? "" : ", ").append(shape).append(' ')
            .append(Report.t(per));
      }
      r.budget("Re-check cost per container element, list / array / map (issue 13; growth "
          + "from " + lo + " to " + hi + " nodes, per node)", "≤ 1 ns, or none", measured.toString(),
          worst <= 1, worst <= 1 ? "" : "every node of these trees has its own container (9 in "
              + "10 are leaves' empty ones). An empty array costs nothing (it cannot change); an "
              + "empty list or map costs the read of its size, in a loop of its own, and that read "
              + "from a different object per node is what remains per node; a filled one also its "
              + "storage, and for a map one `HashMap$Node` per entry (its value: the keys are proven "
              + "by the map's structural-modification count). Would take: a barrier on JDK "
              + "containers (see the line above)");
    }
    BenchMain.Row treeRow = r.row("agent", "MemoSizeBench.memoguardHit", "list", 1111);
    double bytes = hit == null ? Double.NaN : hit.allocBytes();
    r.budget("Allocation per hit (issue 13)", "0 B", Report.bytes(hit) + " (1,111-node list tree: "
        + Report.bytes(treeRow) + ")", bytes < 0.5, bytes < 0.5 ? "" : "see \"Where a hit spends its "
            + "time\"");
    for (String[] host : new String[][] {
        {"HostWorkBench.collectionsOfUncachedObjects", "collection-heavy host code"},
        {"BarrierBench.settersOnUncachedObjects", "setter-heavy host code"}}) {
      double plain = r.ns("plain", host[0], "", "");
      double agent = r.ns("agent", host[0], "", "");
      double ratio = agent / plain;
      r.budget("Agent ÷ no agent, " + host[1] + " that never touches a cached value (issue 13)",
          "≤ ×1.05", Report.x(ratio) + " (" + Report.t(plain) + " → " + Report.t(agent) + " per "
              + (host[0].startsWith("Host") ? "account" : "write") + ")", ratio <= 1.05,
          ratio <= 1.05 ? "" : host[0].startsWith("Barrier")
              ? "a setter's barrier is a no-op behind its class's `SwitchPoint` until an instance "
                  + "of the class is cached, which this workload never does: the compiled setters "
                  + "hold no barrier code (`PrintInlining`), so a ratio above x1.05 here is JIT or "
                  + "machine noise (compare the ± of both rows; see notes, \"Fourth round\")"
              : "no barrier code runs here (setters' barriers are switched off until their class "
                  + "has a cached instance) and containers carry none. What the agent adds is the "
                  + "barrier's tracker field: 8 B more allocated per account (`-prof gc`); the rest "
                  + "is JIT or machine noise (compare the ± of both rows; alternating forks "
                  + "measured x0.85-1.15, median x1.05: notes, \"Fifth round\")");
    }
  }
}
