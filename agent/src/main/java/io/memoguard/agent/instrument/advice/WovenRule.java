package io.memoguard.agent.instrument.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the memoize rule's {@code RuleConstant} (its
 * on-mutation and park timeout) as a constant woven into each memoized method, so the runtime
 * needs no lookup to learn them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface WovenRule {}
