/**
 * Byte Buddy planning: which host types get which advice. {@link
 * io.memoguard.agent.instrument.Instrumenter} installs one agent builder whose {@link
 * io.memoguard.agent.instrument.TypePlanner} matches servlet and JDK HTTP boundaries, entry
 * points, memoize and invalidate rules, default invalidation, Hibernate and JDBC writes, and
 * applies the advice of {@code instrument.advice}. The other mechanisms live in sub-packages:
 * {@code barrier} (ASM field write barriers), {@code handoff} (JDK executor retransformation),
 * {@code reflect} (reflective and field-handle writes in JDK classes), {@code prefilter} (the
 * start-up class-file filter in front of Byte Buddy) and {@code classfile} (class-file look-ups
 * and the never-instrumented names, shared by all).
 *
 * <p>May import {@code config}, {@code io.memoguard.runtime} and its sub-packages; the
 * sub-packages never import it.
 */
package io.memoguard.agent.instrument;
