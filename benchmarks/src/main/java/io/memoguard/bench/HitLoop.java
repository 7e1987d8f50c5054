package io.memoguard.bench;

import benchapp.domain.LinkNode;
import benchapp.repo.BenchRepository;

/**
 * Nothing but hits of {@code getValue(int, int)} (one guarded object) in one request, for a
 * sampling profiler: the woven method is compiled once and every sample inside it is a hit.
 * Prints the wall time per hit of each round, which is only a sanity check (HitRatios and
 * HitBench give the comparisons).
 *
 * <pre>java -javaagent:agent.jar=config=memoguard-bench.yaml -cp memoguard-benchmarks.jar io.memoguard.bench.HitLoop [hits per round]</pre>
 */
public final class HitLoop {
  static volatile Object sink;

  private HitLoop() {}

  public static void main(String[] args) {
    long hits = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    Requests.enter();
    BenchRepository one = new BenchRepository(new LinkNode("value", Graphs.BASE));
    Requests.primeAndCheck(one, 3, 4);
    int calls = one.bodyCalls;
    for (int round = 0; round < 10; round++) {
      long start = System.nanoTime();
      loop(one, hits);
      System.out.printf("%.2f ns per hit%n", (System.nanoTime() - start) / (double) hits);
    }
    Requests.checkNoMiss(one, calls);
    Requests.exit();
  }

  private static void loop(BenchRepository repo, long hits) {
    for (long i = 0; i < hits; i++) {
      sink = repo.getValue(3, 4);
    }
  }
}
