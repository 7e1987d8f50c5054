/**
 * What the agent says: the one-line-per-event log ({@code AgentLog}), the {@link
 * io.memoguard.runtime.EventSink} that turns runtime events into log lines ({@code LogEventSink}),
 * and the report at exit ({@code ExitReport}). The runtime reaches it only through {@code
 * EventSink}.
 *
 * <p>May import {@code io.memoguard.runtime} and the counters of {@code instrument} ({@code
 * RuleUsage}, {@code TimedTransformer}, {@code FieldBarrierTransformer}) it reports at exit.
 */
package io.memoguard.agent.report;
