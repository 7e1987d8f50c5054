package io.memoguard.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.LongAdder;

/** Measures the time the agent's transformers add to class loading, for the exit summary. */
public final class TimedTransformer implements ClassFileTransformer {
  private static final LongAdder NANOS = new LongAdder();
  private static final LongAdder CLASSES = new LongAdder();

  private final ClassFileTransformer delegate;

  public TimedTransformer(ClassFileTransformer delegate) {
    this.delegate = delegate;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer)
      throws IllegalClassFormatException {
    long start = System.nanoTime();
    try {
      return delegate.transform(module, loader, className, classBeingRedefined, protectionDomain,
          classfileBuffer);
    } finally {
      NANOS.add(System.nanoTime() - start);
      CLASSES.increment();
    }
  }

  /** Milliseconds spent in all timed transformers so far. */
  public static long millis() {
    return NANOS.sum() / 1_000_000;
  }

  /** Class loads seen by all timed transformers so far (each transformer counts its own). */
  public static long classLoads() {
    return CLASSES.sum();
  }
}
