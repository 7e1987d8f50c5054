/**
 * JDK Flight Recorder events of the agent, category {@code memoguard}: mutations, invalidations,
 * verify-mode differences and per-request hit counts. {@link io.memoguard.agent.jfr.JfrEventSink}
 * emits them next to the log; an event that no recording enables costs a check and nothing else.
 */
package io.memoguard.agent.jfr;
