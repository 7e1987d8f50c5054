package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What memoized results keep reachable is bounded in bytes, per request and across requests, and
 * given back under heap pressure; whatever is dropped, every caller gets its own call's result.
 */
class MemoryBudgetTest {
  private static final String SITE = "com.acme.Blobs|load|(J)Ljava/lang/Object;";
  private static final int ROW = 100_000;

  private final RecordingSink sink = new RecordingSink();
  private long baseline;
  private int bodies;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 10_000, 100_000, new String[0], sink);
    baseline = MemoryBudget.retained();
  }

  @AfterEach
  void tearDown() {
    Settings.configureMemory(-1, -1);
    MemoryBudget.pressure = false;
    assertThat(sink.errors).isEmpty();
  }

  /** A memoized call of load(id): a 100 KB row filled with the id. */
  private byte[] load(long id) {
    return load(id, Mode.code(Mode.MEMOIZE));
  }

  private byte[] load(long id, int memoMode) {
    Object key = Calls.key(SITE, RuleConstant.of(null, 0), memoMode, null, new Object[] {id});
    Object hit = Memoizer.hit(key);
    if (hit != null) {
      return (byte[]) Memoizer.value(hit);
    }
    try {
      bodies++;
      byte[] row = new byte[ROW];
      Arrays.fill(row, (byte) id);
      Memoizer.store(key, row);
      return row;
    } finally {
      Memoizer.release(key);
    }
  }

  private static void assertRow(byte[] row, long id) {
    assertThat(row).hasSize(ROW);
    assertThat(row[0]).isEqualTo((byte) id);
    assertThat(row[ROW - 1]).isEqualTo((byte) id);
  }

  @Test
  void aRequestNeverRetainsMoreThanItsBudgetAndServesRightRows() {
    Settings.configureMemory(1_000_000, 100_000_000);
    assertThat(RequestScope.enter()).isTrue();
    try {
      for (int round = 0; round < 2; round++) {
        for (long id = 1; id <= 50; id++) {
          assertRow(load(id), id);
          assertThat(MemoryBudget.retained() - baseline).isLessThanOrEqualTo(1_000_000);
        }
      }
      assertThat(MemoryBudget.retained() - baseline).isGreaterThan(500_000);
      // 100 calls; some of the second round were still held
      assertThat(bodies).isBetween(51, 100);
      // a row just stored is served again
      int before = bodies;
      assertRow(load(50), 50);
      assertThat(bodies).isEqualTo(before);
    } finally {
      RequestScope.exit();
    }
    assertThat(MemoryBudget.retained()).isEqualTo(baseline);
    assertThat(sink.notices).filteredOn(n -> n.contains("dropped to bound memory")).hasSize(1);
  }

  @Test
  void verifyModeKeepsItsCopiesWithinTheBudget() {
    Settings.configureMemory(350_000, 100_000_000);
    assertThat(RequestScope.enter()).isTrue();
    try {
      for (int i = 0; i < 20; i++) {
        assertRow(load(9, Mode.code(Mode.VERIFY)), 9);
        assertThat(MemoryBudget.retained() - baseline).isLessThanOrEqualTo(350_000);
      }
      assertThat(bodies).isEqualTo(20);
    } finally {
      RequestScope.exit();
    }
    assertThat(MemoryBudget.retained()).isEqualTo(baseline);
    assertThat(sink.notices).anyMatch(n -> n.contains("verify mode's copies"));
  }

  @Test
  void aResultLargerThanTheBudgetIsNotStored() {
    Settings.configureMemory(50_000, 100_000_000);
    assertThat(RequestScope.enter()).isTrue();
    try {
      assertRow(load(7), 7);
      assertRow(load(7), 7);
      assertThat(bodies).isEqualTo(2);
      assertThat(MemoryBudget.retained()).isEqualTo(baseline);
    } finally {
      RequestScope.exit();
    }
  }

  @Test
  void theBudgetOfAllRequestsIsNotTakenFromOtherRequests() {
    Settings.configureMemory(1_000_000, 250_000);
    assertThat(RequestScope.enter()).isTrue();
    Object first = RequestScope.capture();
    load(1);
    load(2);
    RequestScope.exit();
    assertThat(MemoryBudget.retained() - baseline).isBetween(200_000L, 250_000L);
    assertThat(RequestScope.enter()).isTrue();
    try {
      assertRow(load(3), 3);
      assertRow(load(3), 3);
      assertThat(bodies).isEqualTo(4);
    } finally {
      RequestScope.exit();
    }
    Object previous = RequestScope.attach(first);
    try {
      int before = bodies;
      assertRow(load(1), 1);
      assertThat(bodies).isEqualTo(before);
    } finally {
      RequestScope.restore(previous); // the last reference: the request closes
    }
    assertThat(MemoryBudget.retained()).isEqualTo(baseline);
  }

  @Test
  void heapPressureEmptiesEveryOpenRequest() {
    assertThat(RequestScope.enter()).isTrue();
    Object other = RequestScope.capture();
    load(1);
    RequestScope.exit();
    assertThat(RequestScope.enter()).isTrue();
    try {
      load(2);
      Entry held = RequestScope.current().table.lookup((Key) Calls.key(SITE, null, new Object[] {2L}));
      assertThat(held.live).isTrue();
      HeapPressure.exceeded();
      assertThat(held.live).isFalse();
      assertThat(MemoryBudget.retained()).isEqualTo(baseline);
      assertRow(load(2), 2);
      assertThat(bodies).isEqualTo(3);
    } finally {
      RequestScope.exit();
    }
    Object previous = RequestScope.attach(other);
    try {
      assertRow(load(1), 1);
      assertThat(bodies).isEqualTo(4);
    } finally {
      RequestScope.restore(previous);
    }
    assertThat(sink.notices).anyMatch(n -> n.contains("heap pressure"));
  }
}
