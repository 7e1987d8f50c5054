package io.memoguard.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import benchapp.domain.LinkNode;
import benchapp.plain.PlainRepository;
import benchapp.repo.BenchRepository;
import java.util.HashMap;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one memoized call that hits (the real woven method, two int arguments, a one-object
 * guarded value) against a direct call of the same method and against plain lookups. Runs in a
 * fork with the agent.
 */
@State(Scope.Thread)
public class HitBench {
  int a = 3;
  int b = 4;
  BenchRepository repo;
  PlainRepository plain;
  Cache<Object, Object> caffeine;
  HashMap<Object, Object> map;
  ConcurrentHashMap<IntPair, Object> concurrentMap;
  Object key;
  int expectedCalls;

  @Setup(Level.Trial)
  public void build() {
    LinkNode value = new LinkNode("value", Graphs.BASE);
    repo = new BenchRepository(value);
    plain = new PlainRepository(value);
    caffeine = Caffeine.newBuilder().maximumSize(100_000).build();
    map = new HashMap<>();
    concurrentMap = new ConcurrentHashMap<>();
    // random pairs: (i, i + 1) hashes to 32i + 1, a few crowded bins that the maps turn into trees,
    // which would make the lookups slower than any real cache's
    Random random = new Random(13);
    for (int i = 0; i < 1000; i++) {
      IntPair other = new IntPair(random.nextInt(), random.nextInt());
      caffeine.put(other, new LinkNode("v" + i, Graphs.BASE));
      map.put(other, new LinkNode("v" + i, Graphs.BASE));
      concurrentMap.put(other, new LinkNode("v" + i, Graphs.BASE));
    }
    key = new IntPair(a, b);
    caffeine.put(key, value);
    map.put(key, value);
    concurrentMap.put((IntPair) key, value);
    Requests.churn(repo, a, b, 20_000);
  }

  @Setup(Level.Iteration)
  public void open() {
    Requests.enter();
    Requests.primeAndCheck(repo, a, b);
    expectedCalls = repo.bodyCalls;
  }

  @TearDown(Level.Iteration)
  public void close() {
    Requests.checkNoMiss(repo, expectedCalls);
    Requests.exit();
  }

  @Benchmark
  public Object memoguardHit() {
    return repo.getValue(a, b);
  }

  @Benchmark
  public Object directCall() {
    return plain.getValue(a, b);
  }

  @Benchmark
  public Object caffeineGetIfPresent() {
    return caffeine.getIfPresent(key);
  }

  @Benchmark
  public Object caffeineGetIfPresentKeyFromInts() {
    return caffeine.getIfPresent(new IntPair(a, b));
  }

  /** The issue-13 yardstick: a record key built from the two ints, then one lookup. */
  @Benchmark
  public Object concurrentHashMapGetKeyFromInts() {
    return concurrentMap.get(new IntPair(a, b));
  }

  @Benchmark
  public Object hashMapGet() {
    return map.get(key);
  }
}
