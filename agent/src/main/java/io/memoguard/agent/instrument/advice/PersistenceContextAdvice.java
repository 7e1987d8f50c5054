package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memoizer;
import net.bytebuddy.asm.Advice;

/**
 * Woven into the constructor of Hibernate's session: a new persistence context drops the request's
 * entries. Entities memoized in an earlier session are detached from it; serving them into a new
 * transaction would hand the caller an entity whose lazy associations can no longer load, where
 * without the agent it would have received a managed one. With open-in-view there is one session
 * per request and nothing is lost.
 */
public final class PersistenceContextAdvice {
  private PersistenceContextAdvice() {}

  // enter only: exit advice with onThrowable is not possible on constructors
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    Memoizer.clearSession();
  }
}
