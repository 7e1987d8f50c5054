package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.ServletAsync;
import net.bytebuddy.asm.Advice;

/**
 * Woven into Servlet.service and Filter.doFilter: like {@link BoundaryAdvice}, except that a
 * request left in asynchronous mode stays open until its asynchronous cycle ends.
 */
public final class ServletBoundaryAdvice {
  private ServletBoundaryAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter() {
    return RequestScope.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter boolean entered, @Advice.Argument(0) Object request) {
    if (entered) {
      ServletAsync.exit(request);
    }
  }
}
