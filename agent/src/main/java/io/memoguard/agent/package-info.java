/**
 * The agent's entry points: {@code premain}/{@code agentmain} ({@link
 * io.memoguard.agent.MemoguardAgent}) load the configuration, put {@code io.memoguard.runtime} on
 * the boot class path ({@code BootstrapInjector}), and {@code Installer} sets the runtime settings
 * and installs every transformer. Runs once, at attach.
 *
 * <p>May import every other {@code io.memoguard.agent} package and {@code io.memoguard.runtime};
 * nothing imports it.
 */
package io.memoguard.agent;
