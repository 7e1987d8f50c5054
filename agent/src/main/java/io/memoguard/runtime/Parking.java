package io.memoguard.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Request parking ({@code park: true}): a call that misses while a call with the same site,
 * receiver and arguments runs for another request waits for that call to end, then runs its own.
 * Results never cross requests; the point is that the running call usually fills the
 * application's own cache, so the waiting call finds it there instead of loading it again. The
 * table holds a key only while its call runs; the call's exit path removes it.
 */
final class Parking {
  private static final long REPORT_INTERVAL_NANOS = 60_000_000_000L;

  /** Keys compare without their request, so calls of different requests meet here. */
  static final ConcurrentHashMap<Key, Flight> RUNNING = new ConcurrentHashMap<>();
  /**
   * Registers the request's leading call for the key, or waits, bounded by the site's timeout,
   * for the call that another request is running with the same key. After the wait the caller runs
   * its own call without registering: late callers of the key then lead, nobody queues twice.
   */
  static void awaitOtherRequests(Key key, Flight mine) {
    Flight running = RUNNING.putIfAbsent(key, mine);
    if (running == null || running.key.request == key.request) {
      return;
    }
    Stats.PARKED.increment();
    int millis = key.site.parkMillis;
    if (!running.await(millis) && !Thread.currentThread().isInterrupted()) {
      Stats.PARK_TIMEOUTS.increment();
      // a call that outlives the timeout stops holding back later callers
      RUNNING.remove(key, running);
      reportTimeout(key.site, millis);
    }
  }

  static void release(Key key, Flight flight) {
    if (key.site.parkMillis > 0) {
      RUNNING.remove(key, flight);
    }
  }

  /** At most one line per site and minute, with the number of timeouts it stands for. */
  private static void reportTimeout(Site site, int millis) {
    site.parkTimeouts.incrementAndGet();
    long now = System.nanoTime();
    long last = site.lastParkReport.get();
    if (last != 0 && now - last < REPORT_INTERVAL_NANOS) {
      return;
    }
    if (site.lastParkReport.compareAndSet(last, now)) {
      long count = site.parkTimeouts.getAndSet(0);
      Settings.sink.notice("parked call of " + site.display + " waited " + millis
          + " ms (park-timeout-ms) for the running call with the same key and went ahead on its own"
          + (count > 1 ? " (x" + count + " since last report)" : ""));
    }
  }
}
