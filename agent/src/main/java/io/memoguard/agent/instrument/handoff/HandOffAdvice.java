package io.memoguard.agent.instrument.handoff;

import io.memoguard.runtime.HandOff;
import net.bytebuddy.asm.Advice;

/** Advice woven into the JDK's executors and into servlet containers to carry a request along. */
public final class HandOffAdvice {
  private HandOffAdvice() {}

  /** The first argument is a task handed to another thread. */
  public static final class CaptureFirst {
    private CaptureFirst() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object task) {
      HandOff.capture(task);
    }
  }

  /** The second argument is a task handed to another thread ({@code poolSubmit(boolean, task)}). */
  public static final class CaptureSecond {
    private CaptureSecond() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(1) Object task) {
      HandOff.capture(task);
    }
  }

  /** The receiver is handed to another thread ({@code ForkJoinTask.fork}, a virtual thread's start). */
  public static final class CaptureThis {
    private CaptureThis() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object task) {
      HandOff.capture(task);
    }
  }

  /** The executor rejects the task: it will not run through the worker loop. */
  public static final class DiscardFirst {
    private DiscardFirst() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object task) {
      HandOff.discard(task);
    }
  }

  /** The receiver is a task starting to run: attach its request around the method. */
  public static final class RunThis {
    private RunThis() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object task) {
      return HandOff.begin(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object begun) {
      HandOff.end(begun);
    }
  }

  /** A virtual thread runs its task ({@code run(Runnable)}): attach the request it was started in. */
  public static final class RunThread {
    private RunThread() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object thread, @Advice.Argument(0) Object task) {
      return HandOff.beginThread(thread, task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object begun) {
      HandOff.end(begun);
    }
  }

  /** {@code AsyncContext.start(Runnable)}: wrapped, and the task continues the request. */
  public static final class WrapAsyncStart {
    private WrapAsyncStart() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
      task = HandOff.wrapAsync(task);
    }
  }

  /**
   * The first argument is a Runnable that the callee only runs and never exposes again, so it is
   * replaced with a wrapper (outside a request it stays as it is).
   */
  public static final class WrapFirst {
    private WrapFirst() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
      task = HandOff.wrap(task);
    }
  }
}
