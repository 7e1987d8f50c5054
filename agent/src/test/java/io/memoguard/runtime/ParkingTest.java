package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code park: true}: a call of another request with the same key waits for the running call, then
 * runs its own; bounded; only the same key waits; nothing stays in the parking table.
 */
class ParkingTest extends ConcurrentCallsSupport {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** The first call blocks in its body until released; later ones return at once. */
  private String firstBlocks(String key, boolean firstThrows) {
    int n = calls.incrementAndGet();
    events.add("start " + n);
    if (n == 1) {
      entered.countDown();
      await(release);
      events.add("end " + n);
      if (firstThrows) {
        throw new IllegalStateException("leader failed");
      }
      return "report " + key;
    }
    events.add("end " + n);
    return "report " + key;
  }

  @Test
  void secondRequestWaitsUntilTheFirstCallEndsThenRunsItsOwn() throws Exception {
    weave(5_000, key -> firstBlocks(key, false));
    long parked = Stats.parked();

    Task first = inOwnRequest("k");
    await(entered);
    Task second = inOwnRequest("k").blocked();
    assertThat(bodies()).as("bodies started while the first call runs").isEqualTo(1);
    release.countDown();

    assertThat(first.get()).isEqualTo("report k#1");
    assertThat(second.get()).as("its own call, never the other request's result").isEqualTo("report k#2");
    assertThat(events).containsExactly("start 1", "end 1", "start 2", "end 2");
    assertThat(Stats.parked() - parked).isEqualTo(1);
  }

  @Test
  void parkedCallGoesAheadAfterTheTimeoutAndSaysSoWithoutArguments() throws Exception {
    weave(100, key -> firstBlocks(key, false));
    long timeouts = Stats.parkTimeouts();

    Task first = inOwnRequest("s3cr3t-key");
    await(entered);
    // the first call is still held: only the timeout lets the second one go on
    assertThat(inOwnRequest("s3cr3t-key").get()).isEqualTo("report s3cr3t-key#2");
    assertThat(Stats.parkTimeouts() - timeouts).isEqualTo(1);
    release.countDown();
    assertThat(first.get()).isEqualTo("report s3cr3t-key#1");

    assertThat(sink.notices).anySatisfy(line -> assertThat(line)
        .contains("SlowRepository.findReport", "100 ms", "park-timeout-ms"));
    assertThat(sink.notices).noneMatch(line -> line.contains("s3cr3t"));
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSetForTheHostCode() throws Exception {
    weave(5_000, key -> firstBlocks(key, false) + (Thread.currentThread().isInterrupted() ? " interrupted" : ""));
    long timeouts = Stats.parkTimeouts();

    Task first = inOwnRequest("k");
    await(entered);
    Task second = inOwnRequest("k").blocked();
    second.thread.interrupt();

    assertThat(second.get()).isEqualTo("report k interrupted#2");
    assertThat(Stats.parkTimeouts()).as("an interrupt is no timeout").isEqualTo(timeouts);
    release.countDown();
    assertThat(first.get()).isEqualTo("report k#1");
  }

  @Test
  void differentKeysDoNotWait() throws Exception {
    weave(5_000, key -> firstBlocks(key, false));

    Task first = inOwnRequest("k1");
    await(entered);
    assertThat(inOwnRequest("k2").get()).isEqualTo("report k2#2");
    release.countDown();
    assertThat(first.get()).isEqualTo("report k1#1");
  }

  @Test
  void rulesWithoutParkDoNotWaitAcrossRequests() throws Exception {
    weave(0, key -> firstBlocks(key, false));

    Task first = inOwnRequest("k");
    await(entered);
    assertThat(inOwnRequest("k").get()).isEqualTo("report k#2");
    release.countDown();
    assertThat(first.get()).isEqualTo("report k#1");
  }

  @Test
  void whenTheRunningCallThrowsTheParkedOneRunsItsOwn() throws Exception {
    weave(5_000, key -> firstBlocks(key, true));

    Task first = inOwnRequest("k");
    await(entered);
    Task second = inOwnRequest("k").blocked();
    assertThat(bodies()).isEqualTo(1);
    release.countDown();

    assertThatThrownBy(first::get).hasMessage("leader failed");
    assertThat(second.get()).isEqualTo("report k#2");
    assertThat(events).containsExactly("start 1", "end 1", "start 2", "end 2");
  }

  @Test
  void callsOutsideARequestNeitherParkNorRegister() throws Exception {
    weave(5_000, key -> firstBlocks(key, false));

    Task first = inOwnRequest("k");
    await(entered);
    // no request: the agent leaves the call alone
    assertThat(new Task(() -> call("k")).get()).isEqualTo("report k#2");
    release.countDown();
    assertThat(first.get()).isEqualTo("report k#1");
  }
}
