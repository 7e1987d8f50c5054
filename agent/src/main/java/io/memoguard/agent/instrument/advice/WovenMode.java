package io.memoguard.agent.instrument.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the memoize rule's {@code mode} (its
 * {@link io.memoguard.runtime.Mode#code}) as a constant woven into each memoized method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface WovenMode {}
