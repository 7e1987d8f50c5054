package io.memoguard.agent;

import io.memoguard.agent.report.AgentLog;
import io.memoguard.runtime.Barrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes to guarded fields that carry no barrier: the runtime is told to check guarded objects on
 * read too, and the agent says so once. Being correct costs the verify work of every hit.
 */
final class BarrierGaps {
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private BarrierGaps() {}

  static void writerFailed(AgentLog log, String type) {
    lose(log, "class " + type + " writes guarded fields without barriers (it could not be"
        + " instrumented, or it is on the boot class path)");
  }

  static void attachedLate(AgentLog log) {
    lose(log, "the agent was attached to a running JVM, and classes loaded before may write "
        + "guarded fields");
  }

  private static void lose(AgentLog log, String why) {
    Barrier.barriersIncomplete();
    if (REPORTED.compareAndSet(false, true)) {
      log.info(why + ": from now on guarded objects in memoized values are also checked on read");
    }
  }
}
