package io.memoguard.agent.instrument.prefilter;

/**
 * Loads the supertypes of a class being defined, as its loader resolves them, and keeps that
 * time out of the agent's transform time: the JVM would load them right after the transformer
 * returns, so it is the host's class loading, done a moment early (the transformers then run for
 * those classes too, and count their own time). The clock is per thread and removed when the
 * outermost transformer returns, so no state stays on the host's threads.
 */
public final class AncestorLoads {
  /** {excluded nanoseconds, depth of timed transformers} of the current thread. */
  private static final ThreadLocal<long[]> CLOCK = new ThreadLocal<>();

  private AncestorLoads() {}

  /**
   * The class {@code internalName} as {@code loader} resolves it, not initialized; null when it
   * cannot (the caller then reads its class file, as the JVM would fail to define the subclass).
   */
  static Class<?> load(ClassLoader loader, String internalName) {
    if (loader == null) {
      return null;
    }
    long start = System.nanoTime();
    try {
      return Class.forName(internalName.replace('/', '.'), false, loader);
    } catch (Exception | LinkageError notLoadable) {
      return null;
    } finally {
      long[] clock = CLOCK.get();
      if (clock != null) {
        clock[0] += System.nanoTime() - start;
      } else {
        CLOCK.remove(); // outside a timed transformer (tests): get() left an empty entry
      }
    }
  }

  /** Starts timing one transformer call; pass the result to {@link #ownNanos}. */
  public static long[] enter() {
    long[] clock = CLOCK.get();
    if (clock == null) {
      clock = new long[2];
      CLOCK.set(clock);
    }
    clock[1]++;
    return new long[] {System.nanoTime(), clock[0]};
  }

  /** The nanoseconds since {@code started} that were not spent loading ancestors. */
  public static long ownNanos(long[] started) {
    long[] clock = CLOCK.get();
    long now = System.nanoTime();
    if (clock == null) {
      return now - started[0];
    }
    long own = now - started[0] - (clock[0] - started[1]);
    if (--clock[1] == 0) {
      CLOCK.remove();
    }
    return own;
  }
}
