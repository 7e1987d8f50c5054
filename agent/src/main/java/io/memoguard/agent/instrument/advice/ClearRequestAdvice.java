package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memo;
import net.bytebuddy.asm.Advice;

/** Woven into methods of {@code clears: request} rules: drops every entry of the request. */
public final class ClearRequestAdvice {
  private ClearRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    Memo.clearRequest();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit() {
    Memo.clearRequest();
  }
}
