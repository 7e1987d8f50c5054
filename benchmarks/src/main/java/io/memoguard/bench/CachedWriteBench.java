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
 * A write to an object that is part of a cached value, with on-mutation: invalidate. The write
 * invalidates the entry, so every operation re-caches first: memoized call (miss, store of a
 * one-object value) + write (barrier slow path: stack walk for the log line, invalidation). The
 * control replaces the write by an invalidating repository call.
 */
@State(Scope.Thread)
public class CachedWriteBench {
  int a = 5;
  int b = 6;
  BenchRepository repo;

  @Setup(Level.Trial)
  public void build() {
    repo = new BenchRepository(new Account(1, "owner", Graphs.BASE));
  }

  @Setup(Level.Iteration)
  public void open() {
    Requests.enter();
    Requests.primeAndCheck(repo, a, b);
  }

  @TearDown(Level.Iteration)
  public void close() {
    Requests.exit();
  }

  @Benchmark
  public Object recacheThenWrite() {
    Account account = (Account) repo.getValue(a, b);
    account.setBalance(account.getBalance() + 1);
    return account;
  }

  @Benchmark
  public Object recacheThenEvict() {
    Account account = (Account) repo.getValue(a, b);
    repo.evict();
    return account;
  }
}
