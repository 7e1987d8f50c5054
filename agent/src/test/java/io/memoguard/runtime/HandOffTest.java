package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request lifetime with hand-offs, driven through the runtime API the JDK advice calls. The
 * other thread is a plain single-thread pool here (not instrumented in this JVM): the test calls
 * {@link HandOff#begin}/{@link HandOff#end} itself where the rewritten worker loop would.
 */
class HandOffTest {
  private static final String SITE = "com.acme.Repo|find|(J)Ljava/lang/Object;";

  private final RecordingSink sink = new RecordingSink();
  private ExecutorService worker;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], sink);
    worker = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void tearDown() {
    worker.shutdownNow();
    assertThat(ThreadBindings.get()).as("test thread left without a request").isNull();
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void aHandedOffTaskSeesTheRequestsEntriesWhileTheRequestIsServed() throws Exception {
    Object task = new Object();
    assertThat(RequestScope.enter()).isTrue();
    Request request = RequestScope.current();
    store(1L, "loaded once");
    HandOff.capture(task);

    String seen = onWorker(() -> {
      Object begun = HandOff.begin(task);
      try {
        return (String) hit(1L);
      } finally {
        HandOff.end(begun);
      }
    });

    assertThat(seen).isEqualTo("loaded once");
    assertThat(request.isClosed()).isFalse();
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
    assertThat(PendingTasks.size()).isZero();
  }

  @Test
  void executorWorkDoesNotKeepTheRequestOpenAndRunsOutsideItOnceItEnded() throws Exception {
    Object late = new Object();
    Object nested = new Object();
    assertThat(RequestScope.enter()).isTrue();
    Request request = RequestScope.current();
    store(1L, "loaded once");
    HandOff.capture(late);
    RequestScope.exit();
    assertThat(request.isClosed()).as("executor work holds no reference").isTrue();

    Object[] seen = onWorker(() -> {
      Object begun = HandOff.begin(late);
      try {
        Object hit = hit(1L);
        HandOff.capture(nested);
        return new Object[] {hit, RequestScope.current(), ThreadBindings.get()};
      } finally {
        HandOff.end(begun);
      }
    });

    assertThat(seen[0]).as("a background task must not keep serving the request's results").isNull();
    assertThat(seen[1]).isNull();
    assertThat(seen[2]).as("nothing attached").isNull();
    assertThat(PendingTasks.take(nested)).as("nothing handed on").isNull();
  }

  @Test
  void aTaskRunningWhenItsRequestEndsContinuesOutsideIt() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request request = RequestScope.current();
    store(1L, "loaded once");
    HandOff.capture(task);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    Future<Object[]> seen = worker.submit(() -> {
      Object begun = HandOff.begin(task);
      try {
        Object before = hit(1L);
        started.countDown();
        ended.await();
        return new Object[] {before, hit(1L), RequestScope.current()};
      } finally {
        HandOff.end(begun);
      }
    });
    started.await();
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
    ended.countDown();
    assertThat(seen.get()[0]).isEqualTo("loaded once");
    assertThat(seen.get()[1]).isNull();
    assertThat(seen.get()[2]).isNull();
  }

  @Test
  void anAsyncContinuationKeepsTheRequestOpenAfterTheBoundaryReturned() throws Exception {
    AtomicReference<Object> seen = new AtomicReference<>();
    AtomicReference<Object> seenByExecutorTask = new AtomicReference<>();
    Object executorTask = new Object();
    RequestScope.enter();
    Request request = RequestScope.current();
    store(1L, "loaded once");
    Runnable continuation = HandOff.wrapAsync(() -> {
      seen.set(hit(1L));
      // work the async task hands to an executor is served while the continuation runs
      HandOff.capture(executorTask);
      try {
        worker.submit(() -> {
          Object begun = HandOff.begin(executorTask);
          try {
            seenByExecutorTask.set(hit(1L));
          } finally {
            HandOff.end(begun);
          }
        }).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    RequestScope.exit();
    Thread container = new Thread(continuation);
    container.start();
    container.join();
    assertThat(seen.get()).isEqualTo("loaded once");
    assertThat(seenByExecutorTask.get()).isEqualTo("loaded once");
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void theRequestEndsWithItsBoundaryWhenTasksFinishedFirst() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request request = RequestScope.current();
    HandOff.capture(task);
    onWorker(() -> {
      HandOff.end(HandOff.begin(task));
      return null;
    });
    assertThat(request.isClosed()).isFalse();
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void theWorkerThreadLocalIsExactlyAsBeforeAfterATask() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    HandOff.capture(task);
    Boolean[] states = onWorker(() -> {
      boolean emptyBefore = ThreadBindings.get() == null;
      Object begun = HandOff.begin(task);
      boolean attached = ThreadBindings.get() != null;
      HandOff.end(begun);
      return new Boolean[] {emptyBefore, attached, ThreadBindings.get() == null};
    });
    RequestScope.exit();
    assertThat(states).containsExactly(true, true, true);
  }

  @Test
  void aTaskRunOnAThreadInAnotherRequestPutsThatRequestBack() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request handing = RequestScope.current();
    HandOff.capture(task);
    Binding[] bindings = onWorker(() -> {
      RequestScope.enter();
      Binding own = ThreadBindings.get();
      Object begun = HandOff.begin(task);
      Binding during = ThreadBindings.get();
      HandOff.end(begun);
      Binding after = ThreadBindings.get();
      RequestScope.exit();
      return new Binding[] {own, during, after};
    });
    RequestScope.exit();
    assertThat(bindings[1].request).isSameAs(handing);
    assertThat(bindings[2]).isSameAs(bindings[0]);
    assertThat(handing.isClosed()).isTrue();
    assertThat(bindings[0].request.isClosed()).isTrue();
  }

  @Test
  void aBoundaryOnAHandedOffThreadOpensItsOwnRequestAndRestoresTheHandedOne() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request handing = RequestScope.current();
    store(1L, "of the handing request");
    HandOff.capture(task);
    Object[] seen = onWorker(() -> {
      Object begun = HandOff.begin(task);
      try {
        assertThat(RequestScope.enter()).isTrue();
        Request inner = RequestScope.current();
        Object innerHit = hit(1L);
        store(2L, "of the inner request");
        RequestScope.exit();
        return new Object[] {inner, innerHit, RequestScope.current(), inner.isClosed()};
      } finally {
        HandOff.end(begun);
      }
    });
    RequestScope.exit();
    assertThat(seen[0]).isNotSameAs(handing);
    assertThat(seen[1]).as("the inner request does not see the handing one's entries").isNull();
    assertThat(seen[2]).as("handed-off request current again").isSameAs(handing);
    assertThat(seen[3]).as("the inner request ends with its own boundary").isEqualTo(true);
    assertThat(handing.isClosed()).isTrue();
  }

  @Test
  void depthIsPerThread() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    RequestScope.enter();
    Request request = RequestScope.current();
    HandOff.capture(task);
    onWorker(() -> {
      Object begun = HandOff.begin(task);
      // an unbalanced exit on a handed-off thread must not end the owner's boundaries
      RequestScope.exit();
      RequestScope.exit();
      HandOff.end(begun);
      return null;
    });
    RequestScope.exit();
    assertThat(RequestScope.current()).isSameAs(request);
    assertThat(request.isClosed()).isFalse();
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void aRejectedAsyncContinuationGivesItsReferenceBack() {
    RequestScope.enter();
    Request request = RequestScope.current();
    Runnable continuation = HandOff.wrapAsync(() -> { });
    HandOff.discard(continuation);
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
    assertThat(HandOff.begin(continuation)).as("nothing left to attach").isNotNull();
    assertThat(RequestScope.current()).isNull();
  }

  @Test
  void anAsyncContinuationDroppedWithoutRunningDoesNotKeepTheRequestOpen() throws Exception {
    RequestScope.enter();
    Request request = RequestScope.current();
    store(1L, "value");
    HandOff.wrapAsync(() -> { });
    RequestScope.exit();
    assertThat(request.isClosed()).as("open while the continuation is pending").isFalse();
    for (int i = 0; i < 50 && !request.isClosed(); i++) {
      System.gc();
      Thread.sleep(20);
      PendingTasks.sweep();
    }
    assertThat(request.isClosed()).as("closed once the dropped continuation was collected").isTrue();
  }

  @Test
  void aTaskCapturedOutsideARequestRunsOutsideOne() throws Exception {
    Object task = new Object();
    HandOff.capture(task);
    Object current = onWorker(() -> {
      Object begun = HandOff.begin(task);
      try {
        return RequestScope.current();
      } finally {
        HandOff.end(begun);
      }
    });
    assertThat(current).isNull();
    assertThat(PendingTasks.size()).isZero();
  }

  @Test
  void aTaskRunTwiceRunsInTheRequestOnlyOnce() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request request = RequestScope.current();
    HandOff.capture(task);
    Supplier<Request> run = () -> {
      Object begun = HandOff.begin(task);
      try {
        return RequestScope.current();
      } finally {
        HandOff.end(begun);
      }
    };
    assertThat(onWorker(run::get)).isSameAs(request);
    assertThat(onWorker(run::get)).isNull();
    RequestScope.exit();
  }

  @Test
  void theSameTaskHandedOverTwiceIsPendingOnce() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request request = RequestScope.current();
    int before = PendingTasks.size();
    HandOff.capture(task);
    HandOff.capture(task);
    assertThat(PendingTasks.size()).isEqualTo(before + 1);
    Request seen = onWorker(() -> {
      Object begun = HandOff.begin(task);
      try {
        return RequestScope.current();
      } finally {
        HandOff.end(begun);
      }
    });
    RequestScope.exit();
    assertThat(seen).isSameAs(request);
    assertThat(PendingTasks.take(task)).isNull();
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void aWrappedTaskRunsInTheRequestAndOutsideARequestNothingIsWrapped() throws Exception {
    Runnable plain = () -> { };
    assertThat(HandOff.wrap(plain)).isSameAs(plain);

    AtomicReference<Request> seen = new AtomicReference<>();
    RequestScope.enter();
    Request request = RequestScope.current();
    Runnable wrapped = HandOff.wrap(() -> seen.set(RequestScope.current()));
    assertThat(HandOff.wrap(wrapped)).as("not wrapped twice").isSameAs(wrapped);
    worker.submit(wrapped).get();
    RequestScope.exit();
    assertThat(seen.get()).isSameAs(request);
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void aTokenMayBeAttachedOnSeveralThreadsAndTheRequestEndsAfterTheLast() throws Exception {
    RequestScope.enter();
    Request request = RequestScope.current();
    Object token = RequestScope.capture();
    RequestScope.exit();
    Object previous = RequestScope.attach(token);
    assertThat(RequestScope.current()).isSameAs(request);
    Request onWorker = onWorker(() -> {
      Object before = RequestScope.attach(token);
      try {
        return RequestScope.current();
      } finally {
        RequestScope.restore(before);
      }
    });
    assertThat(onWorker).isSameAs(request);
    assertThat(request.isClosed()).isFalse();
    RequestScope.restore(previous);
    assertThat(request.isClosed()).isTrue();
    assertThat(RequestScope.attach(token)).as("an ended request attaches nothing").isNull();
    assertThat(RequestScope.current()).isNull();
  }

  @Test
  void entriesStoredByAHandedOffTaskAreSeenByTheOwnerAndDisposedAtTheEnd() throws Exception {
    Object task = new Object();
    RequestScope.enter();
    Request request = RequestScope.current();
    HandOff.capture(task);
    onWorker(() -> {
      Object begun = HandOff.begin(task);
      try {
        store(7L, "from the worker");
      } finally {
        HandOff.end(begun);
      }
      return null;
    });
    assertThat(hit(7L)).isEqualTo("from the worker");
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
    assertThat(request.table.removeAll()).isEmpty();
  }

  @Test
  void aPoolWorkerThreadStartedInARequestTakesNothingFromIt() throws Exception {
    // what a ThreadPoolExecutor hands its thread factory: its worker loop
    AtomicReference<Runnable> poolWorker = new AtomicReference<>();
    java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(1, 1,
        0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
        r -> {
          poolWorker.set(r);
          return new Thread(r);
        });
    pool.prestartCoreThread();
    pool.shutdown();
    Object workerThread = new Object();
    Object perTaskThread = new Object();
    Runnable task = () -> { };
    RequestScope.enter();
    Request request = RequestScope.current();
    // virtual threads are handed over at start(): a pool's worker may be started in a request
    HandOff.capture(workerThread);
    HandOff.capture(perTaskThread);
    Request[] seen = onWorker(() -> {
      Request[] r = new Request[2];
      Object begun = HandOff.beginThread(workerThread, poolWorker.get());
      try {
        r[0] = RequestScope.current();
      } finally {
        HandOff.end(begun);
      }
      begun = HandOff.beginThread(perTaskThread, task);
      try {
        r[1] = RequestScope.current();
      } finally {
        HandOff.end(begun);
      }
      return r;
    });
    RequestScope.exit();
    assertThat(seen[0]).as("a pool's worker runs tasks submitted outside the request").isNull();
    assertThat(seen[1]).as("a thread started for one task runs it in the request").isSameAs(request);
    assertThat(PendingTasks.take(workerThread)).isNull();
  }

  private <T> T onWorker(java.util.concurrent.Callable<T> body) throws Exception {
    Future<T> result = worker.submit(body);
    return result.get();
  }

  private static void store(long id, Object value) {
    Object key = Calls.key(SITE, null, new Object[] {id});
    assertThat(key).isNotNull();
    Memoizer.store(key, value);
  }

  private static Object hit(long id) {
    Object key = Calls.key(SITE, null, new Object[] {id});
    if (key == null) {
      return null;
    }
    Object entry = Memoizer.hit(key);
    return entry == null ? null : Memoizer.value(entry);
  }
}
