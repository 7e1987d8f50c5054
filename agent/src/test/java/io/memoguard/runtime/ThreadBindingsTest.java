package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The table in front of the thread-local never gives a thread a binding that is not its current one. */
class ThreadBindingsTest {
  private final List<ExecutorService> threads = new ArrayList<>();

  @AfterEach
  void stopThreads() throws Exception {
    for (ExecutorService thread : threads) {
      run(thread, () -> {
        ThreadBindings.set(null);
        return null;
      });
      thread.shutdownNow();
    }
  }

  @Test
  void twoThreadsSharingASlotEachKeepTheirOwnBinding() throws Exception {
    ExecutorService[] pair = sharingASlot();
    ExecutorService a = pair[0];
    ExecutorService b = pair[1];
    Binding ofA = run(a, () -> open(null));
    Binding ofB = run(b, () -> open(null));
    assertThat(run(a, ThreadBindings::get)).as("A after B took the slot").isSameAs(ofA);
    assertThat(run(b, ThreadBindings::get)).isSameAs(ofB);

    Binding innerOfA = run(a, () -> open(ofA));
    assertThat(run(b, ThreadBindings::get)).as("B after A took the slot back").isSameAs(ofB);
    assertThat(run(a, ThreadBindings::get)).isSameAs(innerOfA);

    run(b, () -> set(null));
    assertThat(run(b, ThreadBindings::get)).isNull();
    assertThat(run(a, ThreadBindings::get)).as("B clearing its binding leaves A's").isSameAs(innerOfA);

    run(a, () -> set(ofA));
    assertThat(run(a, ThreadBindings::get)).as("the outer binding put back").isSameAs(ofA);
    run(a, () -> set(null));
    assertThat(run(a, ThreadBindings::get)).isNull();
  }

  @Test
  void aThreadThatLetGoKeepsNothingInTheTable() throws Exception {
    ExecutorService pooled = thread();
    Thread worker = run(pooled, Thread::currentThread);
    run(pooled, () -> open(null));
    assertThat(ThreadBindings.held(worker)).isNotNull();
    run(pooled, () -> set(null));
    assertThat(ThreadBindings.held(worker)).as("a binding held for a pooled thread").isNull();
    assertThat(run(pooled, ThreadBindings::get)).isNull();
  }

  @Test
  void aBindingMadeOnAnotherThreadIsReadThroughTheThreadLocal() throws Exception {
    Binding foreign = new Binding(new Request(), null, true, false);
    ExecutorService other = thread();
    Thread worker = run(other, Thread::currentThread);
    run(other, () -> set(foreign));
    assertThat(run(other, ThreadBindings::get)).isSameAs(foreign);
    assertThat(ThreadBindings.held(worker)).isNotSameAs(foreign);
    run(other, () -> set(null));
    assertThat(run(other, ThreadBindings::get)).isNull();
  }

  private static Binding open(Binding outer) {
    Binding binding = new Binding(new Request(), outer, false, false);
    ThreadBindings.set(binding);
    return binding;
  }

  private static Void set(Binding binding) {
    ThreadBindings.set(binding);
    return null;
  }

  /** Two single threads whose identity hashes pick the same slot (1,024 slots: a few dozen threads). */
  private ExecutorService[] sharingASlot() throws Exception {
    Map<Integer, ExecutorService> bySlot = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      ExecutorService candidate = thread();
      int slot = ThreadBindings.slot(run(candidate, Thread::currentThread));
      ExecutorService earlier = bySlot.putIfAbsent(slot, candidate);
      if (earlier != null) {
        return new ExecutorService[] {earlier, candidate};
      }
    }
    throw new AssertionError("no two of 2,000 threads share a slot");
  }

  private ExecutorService thread() {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    threads.add(thread);
    return thread;
  }

  private static <T> T run(ExecutorService thread, Callable<T> task) throws Exception {
    return thread.submit(task).get(10, TimeUnit.SECONDS);
  }
}
