package io.memoguard.agent.instrument.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;
import org.junit.jupiter.api.Test;

class BootTargetsOnlyTest {
  private final List<String> seen = new ArrayList<>();
  private final ResettableClassFileTransformer recording = new ResettableClassFileTransformer.AbstractBase() {
    @Override
    public Iterator<AgentBuilder.Transformer> iterator(TypeDescription type, ClassLoader loader,
        JavaModule module, Class<?> redefined, ProtectionDomain domain) {
      return Collections.emptyIterator();
    }

    @Override
    public boolean reset(Instrumentation inst, ResettableClassFileTransformer transformer,
        AgentBuilder.RedefinitionStrategy strategy,
        AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery,
        AgentBuilder.RedefinitionStrategy.BatchAllocator allocator,
        AgentBuilder.RedefinitionStrategy.Listener listener) {
      return false;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className,
        Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
      seen.add(className + (module != null ? " in " + module.getName() : ""));
      return classFile;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
        ProtectionDomain domain, byte[] classFile) {
      seen.add(className);
      return classFile;
    }
  };

  @Test
  void onlyTheNamedBootstrapClassesReachTheTransformerWithTheirModule() throws Exception {
    ResettableClassFileTransformer filtered = BootTargetsOnly
        .of(Set.of(JdkHandOffInstrumenter.THREAD_POOL)).decorate(recording);
    Module javaBase = Object.class.getModule();
    byte[] bytes = {1};

    assertThat(filtered.transform(javaBase, null, "java/util/concurrent/ThreadPoolExecutor", null,
        null, bytes)).isSameAs(bytes);
    assertThat(filtered.transform(javaBase, null, "java/util/concurrent/Executors", null, null,
        bytes)).isNull();
    assertThat(filtered.transform(null, getClass().getClassLoader(),
        "java/util/concurrent/ThreadPoolExecutor", null, null, bytes)).isNull();
    assertThat(filtered.transform(javaBase, null, null, null, null, bytes)).isNull();

    assertThat(seen).containsExactly("java/util/concurrent/ThreadPoolExecutor in java.base");
  }
}
