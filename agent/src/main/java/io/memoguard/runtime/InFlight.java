package io.memoguard.runtime;

/**
 * In-request deduplication of concurrent identical calls. Threads that work for one request share
 * its {@link Request}; when one of them misses on a key that another thread of the request is
 * computing, it waits for that call and is served its stored entry as a hit. The wait is bounded:
 * a leader that itself waits for a task calling the same key would otherwise never finish.
 */
final class InFlight {
  private InFlight() {}

  /**
   * Called on a miss, before the body runs. Returns the entry another thread of the request stored
   * while this one waited, or null to run the call: as the request's leader for the key (then
   * {@link #release} ends it), after a wait that brought no stored entry, or in a recursive call.
   */
  static Entry onMiss(Key key) {
    Flight mine = new Flight(key);
    Flight running = key.request.running.putIfAbsent(key, mine);
    if (running == null) {
      // a leader may have stored and left between the caller's lookup and our registration
      Entry stored = key.request.table.lookup(key);
      if (stored != null) {
        release(key);
        return stored;
      }
      if (key.site.parkMillis > 0) {
        Parking.awaitOtherRequests(key, mine);
      }
      return null;
    }
    if (running.thread == Thread.currentThread()) {
      return null;
    }
    if (!running.await(waitMillis(key.site))) {
      if (!Thread.currentThread().isInterrupted()) {
        Stats.DEDUP_TIMEOUTS.increment();
      }
      return null;
    }
    // null when the leader threw or its result was not stored: run our own call
    Entry stored = key.request.table.lookup(key);
    if (stored != null) {
      Stats.DEDUPED.increment();
    }
    return stored;
  }

  /** Ends the call's flights, if it registered any; waiting threads then look the key up again. */
  static void release(Key key) {
    Flight flight = key.request.running.get(key);
    if (flight != null && flight.key == key) {
      key.request.running.remove(key, flight);
      Parking.release(key, flight);
      flight.finish();
    }
  }

  static int waitMillis(Site site) {
    return site.parkMillis > 0 ? site.parkMillis : Settings.DEFAULT_WAIT_MILLIS;
  }
}
