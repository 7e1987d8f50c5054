package io.memoguard.bench;

import benchapp.domain.Account;
import java.time.OffsetDateTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A setter-heavy workload on guarded objects that are not cached: 1,000 accounts, four field
 * writes each (long, int, String, OffsetDateTime). Runs once in a fork with the agent (every
 * write passes the barrier's null check) and once in a fork without it. Score: ns per field write.
 */
@State(Scope.Thread)
public class BarrierBench {
  static final int ACCOUNTS = 1000;
  static final int WRITES = ACCOUNTS * 4;

  Account[] accounts;
  String[] owners;
  OffsetDateTime[] times;

  @Setup
  public void build() {
    accounts = new Account[ACCOUNTS];
    owners = new String[8];
    times = new OffsetDateTime[8];
    for (int i = 0; i < 8; i++) {
      owners[i] = "owner-" + i;
      times[i] = Graphs.BASE.plusDays(i);
    }
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts[i] = new Account(i, owners[i & 7], times[i & 7]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(WRITES)
  public void settersOnUncachedObjects() {
    Account[] as = accounts;
    for (int i = 0; i < as.length; i++) {
      Account x = as[i];
      x.setBalance(x.getBalance() + 1);
      x.setVersion(x.getVersion() + 1);
      x.setOwner(owners[(i + x.getVersion()) & 7]);
      x.setUpdated(times[(i + x.getVersion()) & 7]);
    }
  }
}
