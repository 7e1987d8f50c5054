package io.memoguard.bench;

import io.memoguard.runtime.RequestScope;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link HandOffBench} with a request open on the benchmark thread, so every task is handed the
 * request and runs with it attached. Runs only in a fork with the agent.
 */
public class HandOffInRequestBench extends HandOffBench {
  @Setup(Level.Iteration)
  public void open() throws Exception {
    Requests.enter();
    // a worker that does not see the request means the JDK classes were not retransformed
    // (requests.propagate off, or the instrumentation failed): nothing would be measured
    if (pool.submit(() -> RequestScope.capture() != null).get() != Boolean.TRUE
        || CompletableFuture.supplyAsync(() -> RequestScope.capture() != null, forkJoin).join()
            != Boolean.TRUE) {
      throw new IllegalStateException("the request was not handed to the pool's worker: is"
          + " requests.propagate on and are the JDK executors instrumented?");
    }
  }

  @TearDown(Level.Iteration)
  public void close() {
    Requests.exit();
  }
}
