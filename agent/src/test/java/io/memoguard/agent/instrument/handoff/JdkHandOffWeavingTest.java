package io.memoguard.agent.instrument.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The JDK classes are matched by method name, so a JDK that renamed a method would silently lose
 * propagation. This weaves the running JDK's own class files (without loading the result, which
 * needs the runtime on the bootstrap path, see HandOffIT) and checks which methods now call the
 * runtime. Run on JDK 17 and 25.
 */
class JdkHandOffWeavingTest {
  private static final String HAND_OFF = "io/memoguard/runtime/HandOff";

  @Test
  void threadPoolExecutorHandsOverInExecuteAndRunsTasksThroughTheRuntime() throws Exception {
    Map<String, List<String>> calls = weave(JdkHandOffInstrumenter.THREAD_POOL);
    assertThat(calls.get("execute(Ljava/lang/Runnable;)V")).containsExactly("capture");
    assertThat(calls.get("reject(Ljava/lang/Runnable;)V")).containsExactly("discard");
    assertThat(calls.get("runWorker(Ljava/util/concurrent/ThreadPoolExecutor$Worker;)V"))
        .containsExactly("run", "no Runnable.run");
    assertThat(calls).hasSize(3);
  }

  @Test
  void forkJoinPoolHandsOverInItsSubmissionMethods() throws Exception {
    Map<String, List<String>> calls = weave(JdkHandOffInstrumenter.FORK_JOIN_POOL);
    assertThat(calls).isNotEmpty();
    assertThat(calls.values()).allSatisfy(c -> assertThat(c).containsExactly("capture"));
    List<String> names = new ArrayList<>();
    calls.keySet().forEach(m -> names.add(m.substring(0, m.indexOf('('))));
    if (Runtime.version().feature() >= 19) {
      assertThat(names).contains("poolSubmit");
    } else {
      assertThat(names).contains("externalPush");
    }
  }

  @Test
  void forkJoinTaskHandsOverInForkAndAttachesInDoExec() throws Exception {
    Map<String, List<String>> calls = weave(JdkHandOffInstrumenter.FORK_JOIN_TASK);
    assertThat(calls.get("fork()Ljava/util/concurrent/ForkJoinTask;")).containsExactly("capture");
    String doExec = calls.keySet().stream().filter(m -> m.startsWith("doExec()")).findFirst()
        .orElseThrow();
    assertThat(calls.get(doExec)).containsExactly("begin", "end");
  }

  @Test
  void virtualThreadsHandOverAtStartAndAttachInRun() throws Exception {
    if (Runtime.version().feature() < 21) {
      return;
    }
    Map<String, List<String>> calls = weave(JdkHandOffInstrumenter.VIRTUAL_THREAD);
    assertThat(calls.get("run(Ljava/lang/Runnable;)V")).containsExactly("beginThread", "end");
    assertThat(calls.get("start()V")).containsExactly("capture");
  }

  @Test
  void completableFuturesOwnThreadPerTaskExecutorWrapsWhereItExists() throws Exception {
    if (ClassFileLocator.ForClassLoader.ofBootLoader()
        .locate(JdkHandOffInstrumenter.FUTURE_THREAD_PER_TASK).isResolved()) {
      assertThat(weave(JdkHandOffInstrumenter.FUTURE_THREAD_PER_TASK)
          .get("execute(Ljava/lang/Runnable;)V")).containsExactly("wrap");
    }
  }

  /** Per woven method (name + descriptor): the HandOff methods it calls, in order. */
  private static Map<String, List<String>> weave(String className) throws Exception {
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.ofBootLoader();
    TypePool pool = TypePool.Default.of(locator);
    TypeDescription type = pool.describe(className).resolve();
    byte[] woven = JdkHandOffInstrumenter
        .transform(new ByteBuddy().redefine(type, locator), type, null, null, null)
        .make()
        .getBytes();
    Map<String, List<String>> calls = new LinkedHashMap<>();
    new ClassReader(woven).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        String method = name + descriptor;
        return new MethodVisitor(Opcodes.ASM9) {
          boolean runsTasks;
          boolean runnableRun;

          @Override
          public void visitMethodInsn(int opcode, String owner, String called, String desc,
              boolean isInterface) {
            if (owner.equals(HAND_OFF)) {
              calls.computeIfAbsent(method, m -> new ArrayList<>()).add(called);
              runsTasks |= called.equals("run");
            }
            runnableRun |= owner.equals("java/lang/Runnable") && called.equals("run");
          }

          @Override
          public void visitEnd() {
            if (runsTasks && !runnableRun) {
              calls.get(method).add("no Runnable.run");
            }
          }
        };
      }
    }, 0);
    return calls;
  }
}
