/**
 * The start-up filter in front of Byte Buddy: from a class file's header alone (name, interface
 * flag, super types through {@code SuperTypeIndex}) it says whether the planner could find the
 * class relevant, so that most classes never get a type description. It only ever says "maybe":
 * the planner still makes every decision.
 *
 * <p>May import {@code config} and {@code instrument.classfile}.
 */
package io.memoguard.agent.instrument.prefilter;
