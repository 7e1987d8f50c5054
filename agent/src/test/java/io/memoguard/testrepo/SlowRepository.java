package io.memoguard.testrepo;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a test-supplied body, so a test can hold a call inside it (latches) while other threads call
 * the same key, and counts how often the body really ran.
 */
public class SlowRepository {
  private final AtomicInteger bodies = new AtomicInteger();
  private final Function<String, String> work;

  public SlowRepository(Function<String, String> work) {
    this.work = work;
  }

  public String findReport(String key) {
    int n = bodies.incrementAndGet();
    return work.apply(key) + "#" + n;
  }

  public String findOther(String key) {
    int n = bodies.incrementAndGet();
    return work.apply(key) + "#" + n;
  }

  /** Read-like, and matched by no rule of the tests: neither memoized nor invalidating. */
  public int countBodies() {
    return bodies.get();
  }
}
