package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.JdbcWrites;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Woven into the update, batch and execute methods of JDBC statement implementations (drivers and
 * pool proxies): after a statement that may have written, the request's memoized entries are
 * dropped. After, not before: a memoized read running in between must not see the old rows, and
 * entries stored by calls that started before the write are refused by the runtime.
 */
public final class JdbcWriteAdvice {
  private JdbcWriteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter() {
    return JdbcWrites.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter boolean outermost,
      @Advice.Origin("#t.#m") String statement,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable thrown) {
    if (outermost) {
      JdbcWrites.exit(statement, result, thrown);
    }
  }
}
