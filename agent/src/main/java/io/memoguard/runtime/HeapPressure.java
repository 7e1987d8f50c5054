package io.memoguard.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;

/**
 * Gives memory back before the host runs out of it: when a heap pool that objects age into goes
 * over {@link #THRESHOLD} of its maximum (its usage, or its usage after a collection), every open
 * request drops its memoized results, and stores wait until a collection leaves room again. The byte budgets of
 * {@link MemoryBudget} rest on estimates; this rests on what the JVM measured.
 */
public final class HeapPressure {
  /** Kept in step with the wording of {@link MemoryBudget#PRESSURE}. */
  static final double THRESHOLD = 0.75;
  private static volatile MemoryPoolMXBean[] pools = new MemoryPoolMXBean[0];

  private HeapPressure() {}

  /**
   * Registers with the heap pools that support a collection usage threshold. Loads the JMX
   * classes: call it off the host's start-up path. Returns how many pools are watched.
   */
  public static int watch() {
    try {
      List<MemoryPoolMXBean> watched = new ArrayList<>();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
        // the pools that also support a usage threshold are those objects age into (tenured,
        // G1 Old Gen); eden and survivors are full or empty by design after a young collection
        if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
            && pool.isUsageThresholdSupported() && max > 0) {
          pool.setCollectionUsageThreshold((long) (max * THRESHOLD));
          // G1 updates its old generation's collection usage too late (at mixed and full
          // collections): its plain usage crossing the threshold is the earlier warning
          pool.setUsageThreshold((long) (max * THRESHOLD));
          watched.add(pool);
        }
      }
      if (watched.isEmpty()) {
        return 0;
      }
      pools = watched.toArray(new MemoryPoolMXBean[0]);
      ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(
          (notification, handback) -> {
            String type = notification.getType();
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(type)
                || MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(type)) {
              exceeded();
            }
          }, null, null);
      return watched.size();
    } catch (Throwable error) {
      Settings.sink.internalError("heap pressure watch", error);
      return 0;
    }
  }

  /** Runs on the JVM's notification thread; never throws. */
  static void exceeded() {
    try {
      MemoryBudget.relieve();
      MemoryBudget.dropped(MemoryBudget.PRESSURE);
    } catch (Throwable error) {
      Settings.sink.internalError("heap pressure", error);
    }
  }

  /** True, clearing the pressure, when no watched pool is over its threshold after a collection. */
  static boolean relieved() {
    try {
      for (MemoryPoolMXBean pool : pools) {
        if (pool.getCollectionUsage().getUsed() >= pool.getCollectionUsageThreshold()) {
          return false;
        }
      }
      MemoryBudget.pressure = false;
      return true;
    } catch (Throwable error) {
      return false;
    }
  }
}
