/**
 * Byte Buddy advice woven into host classes by the planner: memoize ({@code MemoAdvice}), clear
 * on write ({@code ClearRequestAdvice}, {@code ClearTypeAdvice}), request boundaries (servlet,
 * JDK HTTP, entry points), the Hibernate persistence context and JDBC writes. Advice code is
 * inlined into the host: it may call only public {@code io.memoguard.runtime} types (on the boot
 * class path), never another agent class, and each class is small and single-purpose.
 *
 * <p>Imports {@code io.memoguard.runtime} and Byte Buddy's advice annotations only.
 */
package io.memoguard.agent.instrument.advice;
