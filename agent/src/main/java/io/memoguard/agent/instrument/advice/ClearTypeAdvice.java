package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memoizer;
import net.bytebuddy.asm.Advice;

/**
 * Woven into writing methods of a memoized class: drops that class's entries of the request before
 * the write (so the write's own reads are fresh) and again after it (so nothing read during the
 * write survives it).
 */
public final class ClearTypeAdvice {
  private ClearTypeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Origin Class<?> type) {
    Memoizer.clearType(type);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Origin Class<?> type) {
    Memoizer.clearType(type);
  }
}
