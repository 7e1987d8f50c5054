package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads of one request hit the same entry: the number of callers that received the
 * value (reported with every mutation of it) counts each of them.
 */
class SharedEntryCountTest {
  private static final String SITE = "com.acme.Repo|find|(J)Ljava/lang/Object;";
  private static final int THREADS = 4;
  private static final int HITS = 200_000;

  private final RecordingSink sink = new RecordingSink();
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], sink);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void concurrentHitsOfOneRequestAreAllCounted() throws Exception {
    assertThat(RequestScope.enter()).isTrue();
    Object token = RequestScope.capture();
    Object key = Calls.key(SITE, null, new Object[] {1L});
    assertThat(Memoizer.hit(key)).isNull();
    Memoizer.store(key, "value");
    Memoizer.release(key);
    Entry entry = RequestScope.current().table.lookup((Key) key);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(pool.submit(() -> {
        Object previous = RequestScope.attach(token);
        try {
          start.await();
          for (int i = 0; i < HITS; i++) {
            Memoizer.hit(Calls.key(SITE, null, new Object[] {1L}));
          }
        } finally {
          RequestScope.restore(previous);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    int callers = entry.callers;
    RequestScope.exit();
    assertThat(callers).isEqualTo(1 + THREADS * HITS);
  }
}
