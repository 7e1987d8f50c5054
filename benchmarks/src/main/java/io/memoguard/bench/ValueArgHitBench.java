package io.memoguard.bench;

import benchapp.domain.LinkNode;
import benchapp.repo.BenchRepository;
import benchapp.repo.PageKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of a hit whose argument is a record (a new instance per call, as callers build them)
 * against a hit with two int arguments, same woven repository and value. Runs with the agent.
 */
@State(Scope.Thread)
public class ValueArgHitBench {
  int a = 3;
  int b = 4;
  String sort = "name";
  BenchRepository repo;
  int expectedCalls;

  @Setup(Level.Trial)
  public void build() {
    repo = new BenchRepository(new LinkNode("value", Graphs.BASE));
  }

  @Setup(Level.Iteration)
  public void open() {
    Requests.enter();
    Requests.primeAndCheck(repo, a, b);
    int before = repo.bodyCalls;
    Object first = repo.getPage(new PageKey(a, b, sort));
    if (repo.getPage(new PageKey(a, b, sort)) != first || repo.bodyCalls - before != 1) {
      throw new IllegalStateException("the call with a record argument did not hit");
    }
    expectedCalls = repo.bodyCalls;
  }

  @TearDown(Level.Iteration)
  public void close() {
    Requests.checkNoMiss(repo, expectedCalls);
    Requests.exit();
  }

  @Benchmark
  public Object hitTwoInts() {
    return repo.getValue(a, b);
  }

  @Benchmark
  public Object hitRecordArgument() {
    return repo.getPage(new PageKey(a, b, sort));
  }
}
