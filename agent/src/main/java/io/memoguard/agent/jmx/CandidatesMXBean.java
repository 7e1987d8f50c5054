package io.memoguard.agent.jmx;

/** {@code io.memoguard:type=Candidates}: verify mode's suggested configuration, as it is now. */
public interface CandidatesMXBean {
  /** The candidates report, the same YAML as the file next to the log. */
  String getReport();
}
