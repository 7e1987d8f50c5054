package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import java.lang.instrument.ClassFileTransformer;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.Test;

/**
 * The transformer must not keep a class loader alive once the loader's classes were transformed
 * (an undeployed web application's loader): its per-loader type cache is weak, and nothing cached
 * in it may refer back to the loader.
 */
class InstrumenterLoaderLeakTest {
  private static final String REPOSITORY = "com.example.leak.ProductRepository";

  @Test
  void aLoaderWhoseClassWasTransformedCanBeCollected() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    Selector selector = new Selector(Selector.Kind.CLASS, REPOSITORY, 1);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(selector, AgentConfig.DEFAULT_READ_METHODS)), List.of(), List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    ClassFileTransformer transformer = new Instrumenter(config, new RuleUsage(), notice -> { },
        (type, error) -> failures.add(error)).transformer(null);
    byte[] original = new ByteBuddy().subclass(Object.class).name(REPOSITORY)
        .defineMethod("findProduct", String.class, Visibility.PUBLIC).withParameters(long.class)
        .intercept(FixedValue.value("product"))
        .make().getBytes();

    WeakReference<ClassLoader> loader = transformInOwnLoader(transformer, original);

    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(failures).isEmpty();
    assertThat(loader.get()).as("the application's class loader after it was dropped").isNull();
  }

  /** In a method of its own, so that no local variable of the test keeps the loader. */
  private static WeakReference<ClassLoader> transformInOwnLoader(ClassFileTransformer transformer,
      byte[] original) throws Exception {
    ClassLoader application = new ClassLoader(InstrumenterLoaderLeakTest.class.getClassLoader()) { };
    byte[] woven = transformer.transform(application, REPOSITORY.replace('.', '/'), null, null, original);
    assertThat(woven).as("the repository was woven (so its loader's type cache was used)").isNotNull();
    return new WeakReference<>(application);
  }
}
