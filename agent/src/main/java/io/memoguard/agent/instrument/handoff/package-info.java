/**
 * Request context across threads: the JDK executors, fork/join, threads and virtual threads
 * ({@code JdkHandOffInstrumenter}) are retransformed after start-up so that a task captures the
 * submitting request and runs within it ({@code HandOffAdvice}, also used by the planner for a
 * servlet async start).
 *
 * <p>May import {@code instrument.classfile} and {@code io.memoguard.runtime}.
 */
package io.memoguard.agent.instrument.handoff;
