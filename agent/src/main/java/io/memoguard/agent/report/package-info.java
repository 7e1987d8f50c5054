/**
 * What the agent says: the one-line-per-event log ({@link io.memoguard.agent.report.AgentLog}), the
 * {@link io.memoguard.runtime.EventSink} that turns runtime events into log lines, and the report at
 * exit. The runtime reaches it only through {@code EventSink}.
 *
 * <p>May import {@code io.memoguard.runtime} and the counters of {@code instrument} ({@code
 * RuleUsage}, {@code TimedTransformer}, {@code FieldBarrierTransformer}) it reports at exit.
 */
package io.memoguard.agent.report;
