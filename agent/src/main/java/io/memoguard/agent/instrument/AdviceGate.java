package io.memoguard.agent.instrument;

import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stands in for the memo, invalidation and boundary transformer while Byte Buddy's is still being
 * built on the agent's background thread, so that premain does not pay for building it. A class
 * that reaches the gate before the transformer is ready (only classes the prefilter passes do)
 * must still get exactly its advice before any of its code runs, so the loading thread waits for
 * the build, at most {@link #WAIT_MILLIS}. A class that does not get its advice that way (the
 * wait ran out, or the loading thread is the builder itself) is defined unchanged and
 * {@linkplain #open handed back} to be advised by retransformation once the transformer is ready
 * (advice adds no members, so retransformation may add it); each such class is reported once.
 * After a failed build every class stays unchanged, as after a failed transformation.
 *
 * <p>Why a waiting thread cannot hang the host. While it waits in this transformer, the loading
 * thread holds the loading lock of the class being defined (per class name in a parallel-capable
 * loader, the whole loader otherwise), the initialization locks of the classes whose static
 * initializers are on its stack, and whatever monitors the host code holds. The builder thread
 * loads and initializes only agent classes (through the system class loader, from the agent
 * jar) and JDK classes, and never a host class, so it needs none of those locks unless the host
 * holds one of them while loading a class the prefilter passes: a system class loader that is not
 * parallel capable ({@code -Djava.system.class.loader}), or a JDK class whose static initializer
 * loads host classes (service loaders) that the build needs too. Then the builder blocks on the
 * waiting thread and the waiting thread on the builder, until the wait runs out: the class loads
 * unchanged, the builder goes on and retransforms it afterwards. JDK and agent classes never wait
 * (the advice skips them), and neither does the builder thread, so the gate never waits on
 * itself. No lock is held while waiting or while the transformer runs; the one monitor here
 * guards the set of classes handed back.
 */
final class AdviceGate implements ClassFileTransformer {
  static final long WAIT_MILLIS = 30_000;

  private final long waitMillis;
  private final Consumer<String> onMissed;
  private final CountDownLatch done = new CountDownLatch(1);
  /** Guarded by itself, as are {@link #advice} and {@link #failed} when they change. */
  private final Map<ClassLoader, Set<String>> missed = new WeakHashMap<>();
  private volatile ClassFileTransformer advice;
  private volatile boolean failed;
  private volatile Thread builder;

  /** @param onMissed told the binary name of each class defined unchanged while not ready, once */
  AdviceGate(long waitMillis, Consumer<String> onMissed) {
    this.waitMillis = waitMillis;
    this.onMissed = onMissed;
  }

  /** The thread that builds the transformer: it never waits for itself. */
  void builtBy(Thread thread) {
    builder = thread;
  }

  /**
   * From now on classes get {@code transformer}'s advice.
   *
   * @return the classes defined unchanged before, by loader and internal names, to retransform
   */
  Map<ClassLoader, Set<String>> open(ClassFileTransformer transformer) {
    Map<ClassLoader, Set<String>> late;
    synchronized (missed) {
      advice = transformer;
      late = new WeakHashMap<>(missed);
      missed.clear();
    }
    done.countDown();
    return late;
  }

  /** The build failed: classes load unchanged, nobody waits. */
  void fail() {
    synchronized (missed) {
      failed = true;
      missed.clear();
    }
    done.countDown();
  }

  boolean isOpen() {
    return advice != null;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain domain, byte[] classfileBuffer)
      throws IllegalClassFormatException {
    ClassFileTransformer ready = advice != null ? advice : await(loader, className);
    return ready == null ? null
        : ready.transform(module, loader, className, classBeingRedefined, domain, classfileBuffer);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain domain, byte[] classfileBuffer) throws IllegalClassFormatException {
    ClassFileTransformer ready = advice != null ? advice : await(loader, className);
    return ready == null ? null
        : ready.transform(loader, className, classBeingRedefined, domain, classfileBuffer);
  }

  /** The transformer once ready, or null when the class must load unchanged. */
  private ClassFileTransformer await(ClassLoader loader, String className) {
    if (className == null || failed
        || NeverInstrumented.isSkippedByAdvice(className.replace('/', '.'), loader)) {
      return null;
    }
    if (Thread.currentThread() != builder) {
      waitForBuild();
    }
    boolean first;
    synchronized (missed) {
      if (advice != null) {
        return advice;
      }
      if (failed) {
        return null;
      }
      first = missed.computeIfAbsent(loader, l -> new HashSet<>()).add(className);
    }
    if (first) {
      onMissed.accept(className.replace('/', '.'));
    }
    return null;
  }

  /** Waits until the build ended or the wait ran out; an interrupt is kept for the host. */
  private void waitForBuild() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    boolean interrupted = false;
    try {
      for (;;) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          if (done.await(left, TimeUnit.NANOSECONDS)) {
            return;
          }
        } catch (InterruptedException interrupt) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
