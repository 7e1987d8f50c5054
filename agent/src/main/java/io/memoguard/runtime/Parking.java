package io.memoguard.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
  /** Parking sites by id; a method woven under a second parking constant goes to {@link #OTHERS}. */
  private static final ConcurrentHashMap<String, Site> BY_ID = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Site> OTHERS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Site, Report> REPORTS = new ConcurrentHashMap<>();

  private Parking() {}

  /**
   * The site for a woven parking constant. Called on every call of a parking method, so the common
   * case (one constant per method) is a single lookup by id without boxing.
   */
  static Site site(String id, int constant) {
    Site site = BY_ID.get(id);
    if (site != null && matches(site, constant)) {
      return site;
    }
    site = BY_ID.computeIfAbsent(id, i -> Site.parking(i, constant));
    if (matches(site, constant)) {
      return site;
    }
    // the same method woven under another parking rule (another class loader)
    return OTHERS.computeIfAbsent(constant + "|" + id, k -> Site.parking(id, constant));
  }

  private static boolean matches(Site site, int constant) {
    return site.parkMillis == RuleConstant.parkMillis(constant)
        && site.mode == Site.knownMode(RuleConstant.mode(constant));
  }

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

  /** Calls running now with a parking rule; for tests and diagnostics. */
  static int running() {
    return RUNNING.size();
  }

  /** At most one line per site and minute, with the number of timeouts it stands for. */
  private static void reportTimeout(Site site, int millis) {
    Report report = REPORTS.computeIfAbsent(site, s -> new Report());
    report.count.incrementAndGet();
    long now = System.nanoTime();
    long last = report.lastNanos.get();
    if (last != 0 && now - last < REPORT_INTERVAL_NANOS) {
      return;
    }
    if (report.lastNanos.compareAndSet(last, now)) {
      long count = report.count.getAndSet(0);
      Settings.sink.notice("parked call of " + site.display + " waited " + millis
          + " ms (park-timeout-ms) for the running call with the same key and went ahead on its own"
          + (count > 1 ? " (x" + count + " since last report)" : ""));
    }
  }

  private static final class Report {
    final AtomicLong lastNanos = new AtomicLong();
    final AtomicLong count = new AtomicLong();
  }
}
