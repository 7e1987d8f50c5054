package io.memoguard.agent.instrument.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the memoize rule's {@code on-mutation} (and, for a
 * parking rule, its park timeout: see {@code RuleConstant}) as a constant woven into each memoized
 * method, so the runtime needs no lookup to learn it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MutationMode {}
