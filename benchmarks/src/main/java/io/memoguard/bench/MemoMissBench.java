package io.memoguard.bench;

import benchapp.repo.BenchRepository;
import io.memoguard.runtime.RequestScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a miss costs the agent: one request with one memoized call that misses, so the value is
 * walked (GraphWalker), its guarded objects tracked, and at request end untracked again. The
 * baseline ({@link RequestBaselineBench}) is the same request around a direct call. Compare with one Kryo copy of the same value.
 */
@State(Scope.Thread)
public class MemoMissBench {
  @Param({"1", "10", "100", "1111", "10000"})
  public int size;

  int a = 1;
  int b = 2;
  BenchRepository repo;

  @Setup(Level.Trial)
  public void build() {
    Object value = Graphs.build("list", size);
    repo = new BenchRepository(value);
    Requests.enter();
    Requests.primeAndCheck(repo, a, b); // the value is memoizable, not passed through
    Requests.exit();
  }

  @Benchmark
  public Object memoguardMissStoreRelease() {
    RequestScope.enter();
    try {
      return repo.getValue(a, b);
    } finally {
      RequestScope.exit();
    }
  }
}
