/**
 * Byte Buddy planning: which host types get which advice. {@code Instrumenter} installs one
 * agent builder (at premain built on a thread of its own, {@code AdviceGate} holding its place) whose {@code TypePlanner} composes planning units, each a type matcher next to
 * the advice of {@code instrument.advice} it applies: {@code RequestBoundaries} (servlet and JDK
 * HTTP boundaries, entry points, servlet async start), {@code MethodRulePlan} (memoize and
 * invalidate rules, default invalidation), and the Hibernate session and JDBC writes. The other mechanisms live in sub-packages:
 * {@code barrier} (ASM field write barriers), {@code handoff} (JDK executor retransformation),
 * {@code reflect} (reflective and field-handle writes in JDK classes), {@code prefilter} (the
 * start-up class-file filter in front of Byte Buddy) and {@code classfile} (class-file look-ups
 * and the never-instrumented names, shared by all).
 *
 * <p>May import {@code config}, {@code io.memoguard.runtime} and its sub-packages; the
 * sub-packages never import it.
 */
package io.memoguard.agent.instrument;
