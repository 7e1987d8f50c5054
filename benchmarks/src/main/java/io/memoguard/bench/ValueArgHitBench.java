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
 * Cost of a hit whose argument is a record against a hit with two int arguments, same woven
 * repository and value. {@code hitRecordArgument} passes a record the caller holds (as the ints
 * are held in fields); {@code hitNewRecordArgument} builds an equal one for each call, as callers
 * usually do, and so also pays the caller's allocation. Runs with the agent.
 */
@State(Scope.Thread)
public class ValueArgHitBench {
  int a = 3;
  int b = 4;
  String sort = "name";
  PageKey held = new PageKey(a, b, sort);
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
    return repo.getPage(held);
  }

  @Benchmark
  public Object hitNewRecordArgument() {
    return repo.getPage(new PageKey(a, b, sort));
  }
}
