package io.memoguard.agent;

import io.memoguard.agent.report.AgentLog;
import io.memoguard.runtime.ArchiveDump;
import io.memoguard.runtime.Barrier;

/**
 * A run that trains a class-data archive or AOT cache. Retransforming a JDK class while the JVM
 * records for the archive crashes the JDK 25 JVM at the dump (even a retransformation that changes
 * nothing), so such a run leaves every JDK class as it is. What those classes would have told the
 * runtime is found another way or given up: writes through reflection and field handles are found
 * by checking every memoized value on read, and work handed to JDK executors runs outside the
 * request. The runs that use the archive retransform them as usual.
 */
final class ArchiveTraining {
  private ArchiveTraining() {}

  /**
   * @param guarding whether the agent would otherwise put barriers into the JDK's field writers
   * @param propagating whether it would otherwise carry requests into JDK executors
   * @return true when the JVM is dumping: the caller then retransforms no JDK class
   */
  static boolean leaveJdkAlone(AgentLog log, boolean guarding, boolean propagating) {
    if (!ArchiveDump.inProgress()) {
      return false;
    }
    if (guarding) {
      Barrier.jdkWritersUnseen();
    }
    log.info("the JVM is writing a class-data archive or AOT cache, which fails when JDK classes"
        + " are retransformed: in this run only, JDK classes stay unchanged"
        + (guarding ? ", memoized values are checked on read in full (writes through reflection"
            + " and field handles have no barrier)" : "")
        + (propagating ? ", work handed to JDK executors runs outside the request" : ""));
    return true;
  }
}
