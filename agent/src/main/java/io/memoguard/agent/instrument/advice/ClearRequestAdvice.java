package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memoizer;
import net.bytebuddy.asm.Advice;

/** Woven into methods of {@code clears: request} rules: drops every entry of the request. */
public final class ClearRequestAdvice {
  private ClearRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    Memoizer.clearRequest();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit() {
    Memoizer.clearRequest();
  }
}
