package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memoizer;
import net.bytebuddy.asm.Advice;

/**
 * Woven into the constructor of Hibernate's session: a new persistence context drops the request's
 * entries whose values hold entities, Hibernate proxies or lazy collections. Those are detached
 * from the new session; serving them into a new transaction would hand the caller an entity whose
 * lazy associations can no longer load and whose changes are not flushed, where without the agent
 * it would have received a managed one. Entries of plain values (a JDBC repository's rows, DTOs)
 * are the same in any persistence context and stay, so services that each open a transaction
 * still share them.
 */
public final class PersistenceContextAdvice {
  private PersistenceContextAdvice() {}

  // enter only: exit advice with onThrowable is not possible on constructors
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    Memoizer.clearSession();
  }
}
