package io.memoguard.bench;

import benchapp.repo.BenchRepository;
import io.memoguard.runtime.RequestScope;

/**
 * Opens and closes the request in which memoized calls are cached. Only used by the benchmarks
 * that run in a fork with the agent: the runtime classes come from the bootstrap class path there.
 */
final class Requests {
  private Requests() {}

  static void enter() {
    if (!RequestScope.enter()) {
      throw new IllegalStateException("no request could be opened: is the agent attached and configured?");
    }
  }

  static void exit() {
    RequestScope.exit();
  }

  /** Calls the memoized method twice; the body must run once, or nothing is being measured. */
  static void primeAndCheck(BenchRepository repo, int a, int b) {
    int before = repo.bodyCalls;
    Object first = repo.getValue(a, b);
    Object second = repo.getValue(a, b);
    if (repo.bodyCalls - before != 1 || first != second) {
      throw new IllegalStateException("the memoized call did not hit (body ran "
          + (repo.bodyCalls - before) + " times): is " + BenchRepository.class.getName()
          + " woven? Is the value over guard.max-graph-objects?");
    }
  }

  /**
   * Runs {@code requests} short requests of a few calls each, as a service does: the first call of
   * each request misses, the next ones hit. Before the measured loop, so that the JIT compiles the
   * woven method with every path of a request's life seen; otherwise the next iteration's new
   * request takes a path the compiled code never saw, which deoptimizes and recompiles it while
   * the iteration is being measured.
   */
  static void churn(BenchRepository repo, int a, int b, int requests) {
    for (int i = 0; i < requests; i++) {
      enter();
      try {
        for (int call = 0; call < 4; call++) {
          repo.getValue(a, b);
        }
      } finally {
        exit();
      }
    }
  }

  /** After an iteration of hits: the body must not have run again. */
  static void checkNoMiss(BenchRepository repo, int expected) {
    if (repo.bodyCalls != expected) {
      throw new IllegalStateException("memoized call missed " + (repo.bodyCalls - expected)
          + " times during the iteration");
    }
  }
}
