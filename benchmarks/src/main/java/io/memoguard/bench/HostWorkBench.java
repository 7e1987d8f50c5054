package io.memoguard.bench;

import benchapp.domain.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Host code that never touches a cached value, run in a fork with the agent and in one without:
 * what the agent costs code it does not memoize. Collection-heavy: fills an ArrayList and a
 * HashMap with 1,000 guarded accounts (built with their setters), then reads them back by
 * iteration and by key. Score: ns per account. The setter-heavy counterpart is {@link BarrierBench}.
 */
@State(Scope.Thread)
public class HostWorkBench {
  static final int ACCOUNTS = 1000;

  String[] owners;
  long sink;

  @Setup
  public void build() {
    owners = new String[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      owners[i] = "owner-" + i;
    }
  }

  @Benchmark
  @OperationsPerInvocation(ACCOUNTS)
  public long collectionsOfUncachedObjects() {
    List<Account> list = new ArrayList<>();
    Map<String, Account> byOwner = new HashMap<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      Account account = new Account();
      account.setBalance(i);
      account.setOwner(owners[i]);
      account.setUpdated(Graphs.BASE);
      list.add(account);
      byOwner.put(owners[i], account);
    }
    long total = 0;
    for (Account account : list) {
      total += account.getBalance();
    }
    for (String owner : owners) {
      total += byOwner.get(owner).getBalance();
    }
    list.sort((x, y) -> Long.compare(y.getBalance(), x.getBalance()));
    return total + list.get(0).getBalance();
  }
}
