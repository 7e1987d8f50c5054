/**
 * The configuration file: where it is found, how it is read and checked, and the immutable
 * {@link io.memoguard.agent.config.AgentConfig} it becomes (rules, selectors, globs, sizes). Every
 * error names its line and key; nothing here touches the host or the runtime.
 *
 * <p>Imports JDK types and its YAML reader only; every other agent package may import it.
 */
package io.memoguard.agent.config;
