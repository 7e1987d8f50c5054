package io.memoguard.agent.instrument;

import io.memoguard.runtime.ServletAsync;
import net.bytebuddy.asm.Advice;

/** Woven into AsyncContext.start(Runnable): the task runs in the request that started it. */
public final class AsyncStartAdvice {
  private AsyncStartAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    task = ServletAsync.inCurrentRequest(task);
  }
}
