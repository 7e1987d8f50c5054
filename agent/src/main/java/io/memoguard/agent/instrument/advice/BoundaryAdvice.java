package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.RequestScope;
import net.bytebuddy.asm.Advice;

/** Woven into request boundaries: the outermost one on a thread opens and closes the request. */
public final class BoundaryAdvice {
  private BoundaryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter() {
    return RequestScope.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter boolean entered) {
    if (entered) {
      RequestScope.exit();
    }
  }
}
