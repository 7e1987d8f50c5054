package io.memoguard.agent.report;

/**
 * {@code log.summary-interval}: the totals as a {@code summary:} line every interval, so that a
 * JVM killed without shutdown hooks (SIGKILL, the OOM killer) has left recent counters behind.
 */
public final class PeriodicSummary implements Runnable {
  private final AgentLog log;
  private final long intervalMillis;
  private final CandidatesReport candidates;

  private PeriodicSummary(AgentLog log, long intervalMillis, CandidatesReport candidates) {
    this.log = log;
    this.intervalMillis = intervalMillis;
    this.candidates = candidates;
  }

  /**
   * Starts the daemon thread; nothing for an interval of 0.
   *
   * @param candidates the report to rewrite at each interval too, or null
   */
  public static void start(AgentLog log, int seconds, CandidatesReport candidates) {
    if (seconds <= 0) {
      return;
    }
    Thread thread = new Thread(new PeriodicSummary(log, seconds * 1_000L, candidates),
        "memoguard-summary");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try {
      for (;;) {
        Thread.sleep(intervalMillis);
        Object[] counters = Counters.read(Counters.totals());
        log.event(false, "summary: " + Counters.line(counters), counters);
        if (candidates != null) {
          candidates.write();
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    } catch (Throwable failure) {
      log.warn("periodic summary stopped (" + failure.getClass().getName() + ")");
    }
  }
}
