package io.memoguard.agent.instrument.advice;

import io.memoguard.runtime.Memoizer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Woven into memoized methods. On a hit the original body is skipped and the memoized value is
 * returned; on a miss the body runs and its normal result is stored. Exceptions are neither cached
 * nor touched. The class arrives as a class constant, not a name: the same class name in two
 * class loaders is two classes, and their entries must never meet. The memoize rule's
 * on-mutation and park timeout arrive as a woven constant ({@link WovenRule}), and so does its
 * mode ({@link WovenMode}): in verify mode the runtime never reports a hit, so the body always runs.
 */
public final class MemoAdvice {
  private MemoAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static Object enter(
      @Advice.Origin Class<?> type,
      @Advice.Origin("#t|#m|#d") String site,
      @WovenRule int rule,
      @WovenMode int mode,
      @Advice.This(optional = true) Object self,
      @Advice.AllArguments Object[] args,
      @Advice.Local("memoguardKey") Object key) {
    key = Memoizer.key(type, site, rule, mode, self, args);
    return key == null ? null : Memoizer.hit(key);
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
