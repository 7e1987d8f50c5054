package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractCollection;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Arming turns on the barriers of a class and of the classes whose fields its instances have. */
class BarrierSwitchesTest {
  @Test
  void armingAClassArmsItsSuperclassesAndNothingElse() {
    assertThat(BarrierSwitches.armed(ArrayList.class)).isFalse();
    BarrierSwitches.arm(ArrayList.class);
    assertThat(BarrierSwitches.armed(ArrayList.class)).isTrue();
    assertThat(BarrierSwitches.armed(AbstractList.class)).isTrue();
    assertThat(BarrierSwitches.armed(AbstractCollection.class)).isTrue();
    assertThat(BarrierSwitches.armed(TreeSet.class)).isFalse();
    assertThat(BarrierSwitches.armed(AbstractSet.class)).isFalse();
  }

  @Test
  void threadsArmingTheSameClassAllReturnArmed() throws Exception {
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger armed = new AtomicInteger();
    Thread[] all = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      all[i] = new Thread(() -> {
        try {
          go.await();
          BarrierSwitches.arm(LinkedHashMap.class);
          if (BarrierSwitches.armed(LinkedHashMap.class)
              && BarrierSwitches.armed(HashMap.class)) {
            armed.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      all[i].start();
    }
    go.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertThat(armed).hasValue(threads);
  }
}
