package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hierarchy.Hierarchy.Child;
import com.example.hierarchy.Hierarchy.Middle;
import com.example.hierarchy.Hierarchy.OrderRepository;
import com.example.hierarchy.Hierarchy.Parent;
import com.example.hierarchy.Hierarchy.Target;
import com.example.hierarchy.Hierarchy.Unrelated;
import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.Glob;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.agent.instrument.prefilter.RelevancePrefilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The pre-filter may pass on classes the planner then rejects, but must never hold back one the
 * planner would weave: it decides from class file headers what Byte Buddy decides from full type
 * descriptions.
 */
class RelevancePrefilterTest {
  private final List<String> passed = new ArrayList<>();
  private final ClassFileTransformer recording = new ClassFileTransformer() {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
        java.security.ProtectionDomain domain, byte[] classFile) {
      passed.add(className);
      return classFile;
    }
  };

  private RelevancePrefilter filter(List<String> superTypes) {
    return new RelevancePrefilter(recording, Set.of("com.example.ByName"),
        List.of(Glob.ofClass("com.example.glob.*Dao")), superTypes);
  }

  private static ClassLoader freshLoader() {
    return new ClassLoader(RelevancePrefilterTest.class.getClassLoader()) { };
  }

  private static String internal(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] bytes(ClassLoader loader, String internalName) {
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] classFile(String name, String superName, String... interfaces) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, interfaces);
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static byte[] interfaceFile(String name, String... interfaces) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
        name, null, "java/lang/Object", interfaces);
    writer.visitEnd();
    return writer.toByteArray();
  }

  private boolean passes(RelevancePrefilter filter, ClassLoader loader, String name, byte[] bytes)
      throws Exception {
    passed.clear();
    filter.transform(loader, name, null, null, bytes);
    return passed.contains(name);
  }

  @Test
  void aSuperInterfaceReachableOnlyThroughTheSuperclassIsFound() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));
    ClassLoader loader = freshLoader();

    assertThat(passes(filter, loader, internal(Child.class), bytes(loader, internal(Child.class))))
        .isTrue();
    assertThat(passes(filter, loader, internal(Unrelated.class),
        bytes(loader, internal(Unrelated.class)))).isFalse();
  }

  @Test
  void anAncestorRememberedFromAnEarlierClassStillLeadsToTheTarget() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));
    ClassLoader loader = freshLoader();

    assertThat(passes(filter, loader, internal(Parent.class), bytes(loader, internal(Parent.class))))
        .isTrue();
    assertThat(passes(filter, loader, internal(Child.class), bytes(loader, internal(Child.class))))
        .isTrue();
    assertThat(passes(filter, loader, "com/example/Grandchild",
        classFile("com/example/Grandchild", internal(Child.class)))).isTrue();
  }

  @Test
  void aClassSeenBeforeIsAnAncestorWithoutAClassFile() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));
    ClassLoader loader = freshLoader();
    // generated at run time: no loader has a class file for it
    assertThat(passes(filter, loader, "com/example/Generated",
        classFile("com/example/Generated", internal(Child.class)))).isTrue();

    assertThat(passes(filter, loader, "com/example/GeneratedChild",
        classFile("com/example/GeneratedChild", "com/example/Generated"))).isTrue();
    assertThat(passes(filter, freshLoader(), "com/example/GeneratedChild",
        classFile("com/example/GeneratedChild", "com/example/Generated")))
        .as("remembered per loader").isFalse();
  }

  @Test
  void interfacesNeverPassButNamesAndClassGlobsAlways() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));
    ClassLoader loader = freshLoader();

    assertThat(passes(filter, loader, internal(Middle.class), bytes(loader, internal(Middle.class))))
        .isFalse();
    assertThat(passes(filter, loader, "com/example/ByName",
        classFile("com/example/ByName", "java/lang/Object"))).isTrue();
    assertThat(passes(filter, loader, "com/example/glob/OrderDao",
        classFile("com/example/glob/OrderDao", "java/lang/Object"))).isTrue();
    assertThat(passes(filter, loader, "com/example/glob/OrderService",
        classFile("com/example/glob/OrderService", "java/lang/Object"))).isFalse();
  }

  /**
   * An interface's header passes the filter as it is defined, before the classes that implement
   * it: what it extends is known from then on, without its class file, which a generated
   * interface does not even have.
   */
  @Test
  void anInterfaceSeenAsItWasDefinedIsAnAncestorWithoutReadingItsClassFile() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));
    List<String> reads = new ArrayList<>();
    ClassLoader loader = new ClassLoader(RelevancePrefilterTest.class.getClassLoader()) {
      @Override
      public InputStream getResourceAsStream(String name) {
        reads.add(name);
        return super.getResourceAsStream(name);
      }
    };
    assertThat(passes(filter, loader, "com/example/GeneratedApi",
        interfaceFile("com/example/GeneratedApi", internal(Target.class)))).isFalse();

    assertThat(passes(filter, loader, "com/example/ApiImpl",
        classFile("com/example/ApiImpl", "java/lang/Object", "com/example/GeneratedApi")))
        .isTrue();
    assertThat(passes(filter, loader, "com/example/OtherImpl",
        classFile("com/example/OtherImpl", "java/lang/Object", "com/example/GeneratedApi")))
        .isTrue();
    assertThat(reads).doesNotContain("com/example/GeneratedApi.class");
    assertThat(passes(filter, freshLoader(), "com/example/ApiImpl",
        classFile("com/example/ApiImpl", "java/lang/Object", "com/example/GeneratedApi")))
        .as("remembered per loader").isFalse();
  }

  @Test
  void aMissingAncestorHidesOnlyWhatIsBehindIt() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));
    ClassLoader loader = freshLoader();

    assertThat(passes(filter, loader, "com/example/Orphan",
        classFile("com/example/Orphan", "com/example/Missing", internal(Middle.class)))).isTrue();
    assertThat(passes(filter, loader, "com/example/Orphan2",
        classFile("com/example/Orphan2", "com/example/Missing"))).isFalse();
  }

  @Test
  void unreadableClassFilesAreLeftToByteBuddy() throws Exception {
    RelevancePrefilter filter = filter(List.of(Target.class.getName()));

    assertThat(passes(filter, freshLoader(), "com/example/Broken", new byte[] {1, 2, 3})).isTrue();
  }

  @Test
  void jdkAndAgentClassesAreSkippedLikeByteBuddysIgnoreRule() throws Exception {
    RelevancePrefilter filter = filter(List.of(Runnable.class.getName()));
    ClassLoader loader = freshLoader();

    assertThat(passes(filter, loader, "java/lang/Thread", bytes(loader, "java/lang/Thread")))
        .isFalse();
    assertThat(passes(filter, loader, internal(Unrelated.class),
        bytes(loader, internal(Unrelated.class)))).isTrue();
  }

  /**
   * Every class of two real libraries and of the test repositories: whatever the planner finds
   * relevant (servlets, filters, JDBC statements, {@code implements:} and {@code class:} rules),
   * the filter must pass on.
   */
  @Test
  void everyClassThePlannerWeavesPassesTheFilter() throws Exception {
    Selector implementsTarget = new Selector(Selector.Kind.IMPLEMENTS, Target.class.getName(), 2);
    Selector byGlob = new Selector(Selector.Kind.CLASS, "com.example.*.Hierarchy$*Repository", 3);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(implementsTarget, AgentConfig.DEFAULT_READ_METHODS),
            new MemoRule(byGlob, AgentConfig.DEFAULT_READ_METHODS)),
        List.of(), List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    ClassFileTransformer filtered = planner.prefilter(recording);
    assertThat(filtered).isInstanceOf(RelevancePrefilter.class);
    ClassLoader loader = freshLoader();
    TypePool pool = TypePool.Default.of(loader);
    List<String> names = new ArrayList<>();
    names.addAll(classesIn(org.h2.Driver.class));
    names.addAll(classesIn(javax.servlet.Servlet.class));
    for (Class<?> type : List.of(OrderRepository.class, Child.class, Parent.class, Middle.class,
        Unrelated.class)) {
      names.add(internal(type));
    }

    List<String> relevant = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    for (String name : names) {
      boolean weaves;
      try {
        // as the agent's transformer asks: its ignore rule first, then the planner
        weaves = !Instrumenter.isIgnored(name.replace('/', '.'), loader)
            && planner.isRelevant(pool.describe(name.replace('/', '.')).resolve(), loader);
      } catch (RuntimeException | LinkageError unresolvable) {
        continue; // Byte Buddy would report it, not weave it
      }
      if (weaves) {
        relevant.add(name);
        if (!((RelevancePrefilter) filtered).mayBeRelevant(loader, name, null, bytes(loader, name))) {
          lost.add(name);
        }
      }
    }

    assertThat(relevant).as("the planner's own choice, so that this test can fail")
        .contains("javax/servlet/http/HttpServlet", "org/h2/jdbc/JdbcPreparedStatement",
            internal(OrderRepository.class), internal(Child.class), internal(Parent.class));
    assertThat(lost).isEmpty();
  }

  @Test
  void theAgentsTransformerWeavesAClassFoundThroughADeepHierarchy() throws Exception {
    Selector implementsTarget = new Selector(Selector.Kind.IMPLEMENTS, Target.class.getName(), 1);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(implementsTarget, AgentConfig.DEFAULT_READ_METHODS)), List.of(),
        List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    List<Throwable> failures = new ArrayList<>();
    ClassFileTransformer transformer = new Instrumenter(config, new RuleUsage(), notice -> { },
        (type, error) -> failures.add(error)).transformer(null);
    ClassLoader loader = freshLoader();

    byte[] child = transformer.transform(loader, internal(Child.class), null, null,
        bytes(loader, internal(Child.class)));
    byte[] unrelated = transformer.transform(loader, internal(Unrelated.class), null, null,
        bytes(loader, internal(Unrelated.class)));

    assertThat(failures).isEmpty();
    assertThat(child).as("Child woven").isNotNull();
    assertThat(unrelated).as("Unrelated left alone").isNull();
  }

  @Test
  void anAnnotatedSelectorSendsEveryClassToByteBuddy() {
    Selector annotated = new Selector(Selector.Kind.ANNOTATED, "com.example.Cached", 1);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(annotated, AgentConfig.DEFAULT_READ_METHODS)), List.of(), List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });

    assertThat(planner.prefilter(recording)).isSameAs(recording);
  }

  private static List<String> classesIn(Class<?> member) throws IOException {
    Path jar = Path.of(member.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : java.util.Collections.list(file.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.contains("-info")) {
          names.add(name.substring(0, name.length() - ".class".length()));
        }
      }
    }
    return names;
  }
}
