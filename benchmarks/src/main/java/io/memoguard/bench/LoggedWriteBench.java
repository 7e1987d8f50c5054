package io.memoguard.bench;

import benchapp.domain.Account;
import benchapp.repo.BenchRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A write to a cached object with on-mutation: log (its own fork): the entry stays cached, so every
 * write takes the barrier's slow path (tracker lookup, stack walk, log line built and dropped
 * below the configured level).
 */
@State(Scope.Thread)
public class LoggedWriteBench {
  int a = 7;
  int b = 8;
  BenchRepository repo;
  Account cached;

  @Setup(Level.Trial)
  public void build() {
    repo = new BenchRepository(new Account(1, "owner", Graphs.BASE));
  }

  @Setup(Level.Iteration)
  public void open() {
    Requests.enter();
    Requests.primeAndCheck(repo, a, b);
    cached = (Account) repo.getValue(a, b);
  }

  @TearDown(Level.Iteration)
  public void close() {
    Requests.exit();
  }

  @Benchmark
  public long writeToCachedObject() {
    long v = cached.getBalance() + 1;
    cached.setBalance(v);
    return v;
  }
}
