package io.memoguard.bench;

import benchapp.domain.LinkNode;
import benchapp.repo.BenchRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The issue-13 ratios measured in one JVM with the agent, each pair side by side in every round
 * so that both sides share the machine's load: a hit of a woven method with two int arguments
 * against {@code ConcurrentHashMap.get} with a record key built from the same ints, and a hit on a
 * 1,111-node tree whose children sit in ArrayLists against a hand-written deep copy of it. Time
 * is the thread's CPU time (a descheduled thread is not charged), median of the rounds.
 *
 * <p>Arguments: rounds (7), the tree shapes (list), and the tree sizes (1111); with several sizes
 * the growth per node from the smallest to the largest is printed too (the re-check cost of one
 * container: every node of these trees has its own).
 *
 * <pre>java -javaagent:agent.jar=config=memoguard-bench.yaml -cp memoguard-benchmarks.jar io.memoguard.bench.HitRatios [rounds [shapes [sizes]]]</pre>
 */
public final class HitRatios {
  record Pair(int a, int b) {}

  static volatile Object sink;

  private HitRatios() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    String[] shapes = args.length > 1 ? args[1].split(",") : new String[] {"list"};
    Requests.enter();
    int a = 3;
    int b = 4;
    BenchRepository one = new BenchRepository(new LinkNode("value", Graphs.BASE));
    Requests.primeAndCheck(one, a, b);
    ConcurrentHashMap<Pair, Object> map = new ConcurrentHashMap<>();
    java.util.Random random = new java.util.Random(13); // spread: no treeified bins
    for (int i = 0; i < 1000; i++) {
      map.put(new Pair(random.nextInt(), random.nextInt()), new LinkNode("v" + i, Graphs.BASE));
    }
    map.put(new Pair(a, b), one);
    measure("hit, one guarded object, 2 int args", () -> {
      sink = one.getValue(a, b);
      return 1;
    }, "ConcurrentHashMap.get, record key from the ints", () -> {
      sink = map.get(new Pair(a, b));
      return 1;
    }, 2_000_000, rounds);
    String[] sizes = args.length > 2 ? args[2].split(",") : new String[] {"1111"};
    for (String shape : shapes) {
      double first = Double.NaN;
      int firstSize = 0;
      for (String sizeArg : sizes) {
        int size = Integer.parseInt(sizeArg);
        Object tree = Graphs.build(shape, size);
        BenchRepository big = new BenchRepository(tree);
        Requests.primeAndCheck(big, a, b);
        double hit = measure(String.format("hit, %,d-node %s tree", size, shape), () -> {
          sink = big.getValue(a, b);
          return 1;
        }, "hand-written deep copy of it", () -> {
          sink = Graphs.deepCopy(tree);
          return 1;
        }, Math.max(200, 20_000 * 1111 / size), rounds);
        int calls = big.bodyCalls;
        sink = big.getValue(a, b);
        if (big.bodyCalls != calls) {
          throw new IllegalStateException("the tree's hit missed");
        }
        if (Double.isNaN(first)) {
          first = hit;
          firstSize = size;
        } else if (sizeArg.equals(sizes[sizes.length - 1])) {
          System.out.printf("%s: growth per node from %d to %d nodes %.2f ns%n", shape, firstSize,
              size, (hit - first) / (size - firstSize));
        }
      }
    }
    Requests.exit();
  }

  /** Prints both medians and their ratio; returns the median of {@code op}. */
  private static double measure(String name, IntSupplier op, String againstName, IntSupplier against,
      int calls, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int warm = 0; warm < 5; warm++) { // compiled before anything is timed
      run(op, calls);
      run(against, calls);
    }
    double[] mine = new double[rounds];
    double[] theirs = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      run(op, calls);
      long t1 = threads.getCurrentThreadCpuTime();
      run(against, calls);
      long t2 = threads.getCurrentThreadCpuTime();
      mine[r] = (t1 - t0) / (double) calls;
      theirs[r] = (t2 - t1) / (double) calls;
    }
    double m = median(mine);
    double t = median(theirs);
    System.out.printf("%-40s %12.1f ns | %-48s %12.1f ns | ratio x%.3f%n", name, m, againstName, t,
        m / t);
    return m;
  }

  private static void run(IntSupplier op, int calls) {
    for (int i = 0; i < calls; i++) {
      op.getAsInt();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
