package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class loader that hides its resources (getResource returns null) or throws from the look-up
 * must not cost a repository its advice: the transformer has the repository's bytes in hand, JDK
 * types come from the JDK, and application types from where the loader's classes came from.
 */
class HostileLoaderTransformTest {
  private static final String ITEM = "com.example.hide.Item";
  private static final String REPOSITORY = "com.example.hide.ItemRepository";

  @TempDir
  Path classes;

  private final List<Throwable> failures = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  @Test
  void aLoaderWithoutResourcesStillGetsItsRepositoryMemoized() throws Exception {
    assertWoven(new HidingLoader(false));
  }

  @Test
  void aLoaderWhoseLookUpThrowsStillGetsItsRepositoryMemoized() throws Exception {
    assertWoven(new HidingLoader(true));
  }

  @Test
  void aReturnTypeFoundNowhereCostsOnlyItsOwnMethod() throws Exception {
    byte[] repository = writeClasses();
    Files.delete(classes.resolve(ITEM.replace('.', '/') + ".class"));
    ProtectionDomain domain = new ProtectionDomain(
        new CodeSource(classes.toUri().toURL(), (Certificate[]) null), null);

    byte[] woven = transformer().transform(new HidingLoader(false), REPOSITORY.replace('.', '/'),
        null, domain, repository);

    assertThat(failures).as("transformation failures").isEmpty();
    assertThat(woven).as("listItems was still woven").isNotNull();
    assertThat(new String(woven, StandardCharsets.ISO_8859_1)).contains("io/memoguard/runtime/Memoizer");
    assertThat(notices).anyMatch(notice -> notice.contains("findItem is not memoized"));
  }

  private void assertWoven(ClassLoader loader) throws Exception {
    byte[] repository = writeClasses();
    ProtectionDomain domain = new ProtectionDomain(
        new CodeSource(classes.toUri().toURL(), (Certificate[]) null), null);

    byte[] woven = transformer().transform(loader, REPOSITORY.replace('.', '/'), null, domain,
        repository);

    assertThat(failures).as("transformation failures").isEmpty();
    assertThat(notices).noneMatch(notice -> notice.contains("cannot be resolved"));
    assertThat(woven).as("the repository was woven").isNotNull();
    assertThat(new String(woven, StandardCharsets.ISO_8859_1)).contains("io/memoguard/runtime/Memoizer");
  }

  private ClassFileTransformer transformer() {
    Selector selector = new Selector(Selector.Kind.CLASS, REPOSITORY, 1);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(selector, AgentConfig.DEFAULT_READ_METHODS)), List.of(), List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    return new Instrumenter(config, new RuleUsage(), notices::add,
        (type, error) -> failures.add(error)).transformer(null);
  }

  /**
   * Item and ItemRepository (findItem returns an Item, findName takes one, listItems returns a
   * List) as class files on disk.
   */
  private byte[] writeClasses() throws Exception {
    var item = new ByteBuddy().subclass(Object.class).name(ITEM).make();
    byte[] repository = new ByteBuddy().subclass(Object.class).name(REPOSITORY)
        .defineMethod("findItem", item.getTypeDescription(), Visibility.PUBLIC)
        .withParameters(long.class).intercept(FixedValue.nullValue())
        .defineMethod("findName", String.class, Visibility.PUBLIC)
        .withParameters(item.getTypeDescription()).intercept(FixedValue.value("name"))
        .defineMethod("listItems", List.class, Visibility.PUBLIC)
        .intercept(FixedValue.value(List.of()))
        .make().getBytes();
    write(ITEM, item.getBytes());
    write(REPOSITORY, repository);
    return repository;
  }

  private void write(String name, byte[] bytes) throws Exception {
    Path file = classes.resolve(name.replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static final class HidingLoader extends ClassLoader {
    private final boolean throwing;

    HidingLoader(boolean throwing) {
      super(HostileLoaderTransformTest.class.getClassLoader());
      this.throwing = throwing;
    }

    @Override
    public URL getResource(String name) {
      if (throwing) {
        throw new IllegalStateException("SECRET-loader " + name);
      }
      return null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      if (throwing) {
        throw new IllegalStateException("SECRET-loader " + name);
      }
      return null;
    }
  }
}
