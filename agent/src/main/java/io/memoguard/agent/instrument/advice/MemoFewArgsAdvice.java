package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memoizer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@link MemoAdvice} for methods of at most three parameters: each argument is passed on its own
 * (boxed if primitive; absent ones as null), not in an array built for every call, so a hit
 * allocates nothing (a box outside the JDK's small-value caches aside). A call that repeats the
 * one served last is answered by {@link Memoizer#repeated}, small enough to be inlined here; the
 * rest by {@link Memoizer#enter}. The exit is the same.
 */
public final class MemoFewArgsAdvice {
  private MemoFewArgsAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static Object enter(
      @Advice.Origin Class<?> type,
      @Advice.Origin("#t|#m|#d") String site,
      @WovenRule int rule,
      @WovenMode int mode,
      @Advice.This(optional = true) Object self,
      @Advice.Argument(value = 0, optional = true, typing = Assigner.Typing.DYNAMIC) Object a0,
      @Advice.Argument(value = 1, optional = true, typing = Assigner.Typing.DYNAMIC) Object a1,
      @Advice.Argument(value = 2, optional = true, typing = Assigner.Typing.DYNAMIC) Object a2,
      @Advice.Local("memoguardKey") Object key) {
    Object entered = Memoizer.repeated(type, site, rule, mode, self, a0, a1, a2);
    if (entered == null) {
      entered = Memoizer.enter(type, site, rule, mode, self, a0, a1, a2);
    }
    key = Memoizer.missed(entered);
    return Memoizer.served(entered);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object hit,
      @Advice.Local("memoguardKey") Object key,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable thrown) {
    if (hit != null) {
      result = Memoizer.value(hit);
    } else if (key != null) {
      if (thrown == null) {
        Memoizer.store(key, result);
      } else {
        Memoizer.failed(key, thrown);
      }
      // after the store: callers waiting for this call look the key up again
      Memoizer.release(key);
    }
  }
}
