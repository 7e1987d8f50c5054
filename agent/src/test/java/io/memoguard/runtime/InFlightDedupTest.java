package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent identical calls from threads of one request: the body runs once and the others are
 * served its stored result; a failed or unstored call lets them run their own; never a deadlock.
 */
class InFlightDedupTest extends ConcurrentCallsSupport {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private Object request;
  /** The request itself; {@code request} is the hand-off token the other threads attach. */
  private Request owning;

  @BeforeEach
  void openRequest() {
    assertThat(RequestScope.enter()).isTrue();
    owning = RequestScope.current();
    request = RequestScope.capture();
  }

  @AfterEach
  void closeRequest() {
    assertThat(owning.running).as("in-flight calls of the request").isEmpty();
    RequestScope.exit();
  }

  /** A call handed to another thread the way the JDK executor advice hands it (no reference). */
  private Task asExecutorTask(String key) {
    Object task = new Object();
    HandOff.capture(task);
    return new Task(() -> {
      Object begun = HandOff.begin(task);
      try {
        return call(key);
      } finally {
        HandOff.end(begun);
      }
    });
  }

  /** The first call blocks in its body until released; later ones return at once. */
  private String firstBlocks(String key, AtomicInteger calls, boolean firstThrows) {
    if (calls.incrementAndGet() == 1) {
      entered.countDown();
      await(release);
      if (firstThrows) {
        throw new IllegalStateException("leader failed");
      }
    }
    return "report " + key;
  }

  @Test
  void secondThreadWaitsAndIsServedTheFirstResult() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    weave(0, key -> firstBlocks(key, calls, false));
    long hits = Stats.hits();
    long deduped = Stats.deduped();

    Task leader = inRequest(request, "k");
    await(entered);
    Task follower = inRequest(request, "k").blocked();
    release.countDown();

    assertThat(follower.get()).isSameAs(leader.get()).isEqualTo("report k#1");
    assertThat(bodies()).isEqualTo(1);
    assertThat(Stats.deduped() - deduped).isEqualTo(1);
    assertThat(Stats.hits() - hits).isEqualTo(1);
    // served through the hit path: the entry counts both callers
    assertThat(owning.table.removeAll()).singleElement()
        .satisfies(entry -> assertThat(entry.callers).isEqualTo(2));
  }

  @Test
  void leaderThrowsAndTheWaiterRunsItsOwnCall() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    weave(0, key -> firstBlocks(key, calls, true));
    long timeouts = Stats.dedupTimeouts();

    Task leader = inRequest(request, "k");
    await(entered);
    Task follower = inRequest(request, "k").blocked();
    release.countDown();

    assertThatThrownBy(leader::get).hasMessage("leader failed");
    assertThat(follower.get()).isEqualTo("report k#2");
    assertThat(bodies()).isEqualTo(2);
    assertThat(Stats.dedupTimeouts()).as("woken by the failure, not by the timeout").isEqualTo(timeouts);
  }

  @Test
  void leaderResultNotStoredBecauseTheRequestEndedAndTheWaiterRunsItsOwnCall() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    weave(0, key -> firstBlocks(key, calls, false));
    long timeouts = Stats.dedupTimeouts();

    // executor tasks (unlike attached tokens) do not keep their request open
    Task leader = asExecutorTask("k");
    await(entered);
    Task follower = asExecutorTask("k").blocked();
    // a captured token keeps its request open until attached and restored: use it up
    RequestScope.restore(RequestScope.attach(request));
    RequestScope.exit(); // the request ends while its threads still work: stores are refused
    release.countDown();

    assertThat(leader.get()).isEqualTo("report k#1");
    assertThat(follower.get()).isEqualTo("report k#2");
    assertThat(Stats.dedupTimeouts()).isEqualTo(timeouts);
  }

  @Test
  void recursiveCallWithTheSameKeyDoesNotWaitForItself() throws Exception {
    AtomicInteger depth = new AtomicInteger();
    weave(0, key -> depth.getAndIncrement() == 0 ? "outer(" + call(key) + ")" : "inner");
    long timeouts = Stats.dedupTimeouts();

    String result = inRequest(request, "k").get();

    assertThat(result).isEqualTo("outer(inner#2)#1");
    assertThat(bodies()).isEqualTo(2);
    assertThat(Stats.dedupTimeouts()).as("no wait that timed out").isEqualTo(timeouts);
  }

  @Test
  void waitIsBoundedAndTheWaiterThenRunsItsOwnCall() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // the rule's park-timeout-ms bounds the in-request wait too
    weave(100, key -> firstBlocks(key, calls, false));
    long timeouts = Stats.dedupTimeouts();

    Task leader = inRequest(request, "k");
    await(entered);
    // the leader is still held: only the timeout can let the follower go on
    assertThat(inRequest(request, "k").get()).isEqualTo("report k#2");
    assertThat(Stats.dedupTimeouts() - timeouts).isEqualTo(1);
    release.countDown();
    assertThat(leader.get()).isEqualTo("report k#1");
  }

  @Test
  void differentKeysDoNotWait() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    weave(0, key -> firstBlocks(key, calls, false));

    Task leader = inRequest(request, "k1");
    await(entered);
    assertThat(inRequest(request, "k2").get()).isEqualTo("report k2#2");
    release.countDown();
    assertThat(leader.get()).isEqualTo("report k1#1");
  }

  @Test
  void threadsOfDifferentRequestsDoNotShareResultsWithoutParking() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    weave(0, key -> firstBlocks(key, calls, false));

    Task leader = inRequest(request, "k");
    await(entered);
    assertThat(inOwnRequest("k").get()).isEqualTo("report k#2");
    release.countDown();
    assertThat(leader.get()).isEqualTo("report k#1");
  }
}
