package io.memoguard.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A memoized call that is running now. Other callers with the same key may wait for it; the call's
 * own thread ends it in the advice's exit path, which runs whether the body returned or threw.
 */
final class Flight {
  /** The leader's own key instance: only the call that registered the flight may end it. */
  final Key key;
  final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);

  Flight(Key key) {
    this.key = key;
    this.thread = Thread.currentThread();
  }

  void finish() {
    done.countDown();
  }

  /**
   * Waits at most {@code millis} for the call to end; false on timeout. An interrupt ends the wait
   * early and stays set for the host code that runs next.
   */
  boolean await(long millis) {
    try {
      return done.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
