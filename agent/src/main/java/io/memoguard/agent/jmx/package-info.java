/**
 * The agent's MBeans on the platform MBean server: {@code io.memoguard:type=Stats} (totals),
 * {@code io.memoguard:type=Method,name=Class.method} (one per memoized method, registered as its
 * first call is seen) and {@code io.memoguard:type=Candidates} (the verify-mode candidates report).
 * {@link io.memoguard.agent.jmx.StatsPublisher} registers them from its own thread, so the many
 * classes of JMX load off the host's start-up path; attributes read the runtime's counters and never
 * call host code.
 */
package io.memoguard.agent.jmx;
