package io.memoguard.bench;

import benchapp.repo.BenchRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A memoized hit against the size and shape of the cached value. Guarded nodes carry barriers;
 * the lists, arrays and maps holding the children do not, and are re-checked at every hit.
 */
@State(Scope.Thread)
public class MemoSizeBench {
  @Param({"list", "array", "map", "links"})
  public String shape;

  @Param({"1", "10", "100", "1111", "10000"})
  public int size;

  int a = 1;
  int b = 2;
  BenchRepository repo;
  int expectedCalls;

  @Setup(Level.Trial)
  public void build() {
    repo = new BenchRepository(Graphs.build(shape, size));
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
}
