package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import io.memoguard.agent.instrument.Weaver;
import io.memoguard.testrepo.SlowRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drives a woven {@link SlowRepository} from several threads, each in a request of the test's
 * choosing, and waits for threads to block without timing anything.
 */
abstract class ConcurrentCallsSupport {
  static final long GENEROUS_SECONDS = 30;

  final RecordingSink sink = new RecordingSink();
  private Object repo;
  private Method find;

  @BeforeEach
  void enable() {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
  }

  @AfterEach
  void noStateLeftBehind() {
    assertThat(Parking.RUNNING).as("parking table after the calls").isEmpty();
    assertThat(sink.errors).isEmpty();
  }

  void weave(int parkMillis, Function<String, String> work) throws Exception {
    Class<?> woven = Weaver.weave(SlowRepository.class, sink,
        Weaver.rule(SlowRepository.class, List.of("find*"), parkMillis));
    repo = woven.getConstructor(Function.class).newInstance(work);
    find = woven.getMethod("findReport", String.class);
  }

  String call(String key) {
    try {
      return (String) find.invoke(repo, key);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  int bodies() throws Exception {
    return (Integer) repo.getClass().getMethod("countBodies").invoke(repo);
  }

  /** A call on its own thread, attached to the request {@code token} (a thread of that request). */
  Task inRequest(Object token, String key) {
    return new Task(() -> {
      Object previous = RequestScope.attach(token);
      try {
        return call(key);
      } finally {
        RequestScope.restore(previous);
      }
    });
  }

  /** A call on its own thread in a request of its own. */
  Task inOwnRequest(String key) {
    return new Task(() -> {
      assertThat(RequestScope.enter()).isTrue();
      try {
        return call(key);
      } finally {
        RequestScope.exit();
      }
    });
  }

  static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).as("latch").isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  interface Body {
    String run();
  }

  static final class Task {
    final CompletableFuture<String> result = new CompletableFuture<>();
    final Thread thread;

    Task(Body body) {
      thread = new Thread(() -> {
        try {
          result.complete(body.run());
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    String get() throws Exception {
      try {
        return result.get(GENEROUS_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw (Exception) e.getCause();
      }
    }

    /** Returns once the thread blocks (or ends): it waits for something, or it is done. */
    Task blocked() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GENEROUS_SECONDS);
      while (System.nanoTime() < deadline) {
        Thread.State state = thread.getState();
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
            || state == Thread.State.TERMINATED) {
          return this;
        }
        Thread.sleep(5);
      }
      throw new AssertionError("thread never blocked: " + thread.getState());
    }
  }
}
