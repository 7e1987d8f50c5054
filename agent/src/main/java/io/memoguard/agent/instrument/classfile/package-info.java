/**
 * Shared look-ups below every mechanism: where a host loader's class files are ({@code
 * HostClassFiles}), the agent's own advice class files ({@code AgentClassFiles}), a type pool
 * cache held weakly per loader, whether a loader sees an API, and the one list of class names the
 * agent never instruments ({@link io.memoguard.agent.instrument.classfile.NeverInstrumented}).
 *
 * <p>Imports JDK types and Byte Buddy only; every {@code instrument} package may import it.
 */
package io.memoguard.agent.instrument.classfile;
