package io.memoguard.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads the test domain and writer classes child-first through {@link FieldBarrierTransformer}, as
 * the agent would at class load, so tests run the rewritten bytecode on a real JVM. Shared by the
 * test suites.
 */
public final class TransformingClassLoader extends ClassLoader {
  private final FieldBarrierTransformer transformer;
  private final List<String> packages;

  public TransformingClassLoader(List<String> guardPackages, List<String> transformedPackages) {
    super(TransformingClassLoader.class.getClassLoader());
    this.transformer = new FieldBarrierTransformer(guardPackages, (type, error) -> {
      throw new AssertionError("transform failed for " + type, error);
    });
    this.packages = transformedPackages;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      if (packages.stream().noneMatch(p -> name.startsWith(p + "."))) {
        return super.loadClass(name, resolve);
      }
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] original = read(name);
        byte[] rewritten = transformer.rewrite(this, name.replace('.', '/'), original);
        byte[] bytes = rewritten != null ? rewritten : original;
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private byte[] read(String name) throws ClassNotFoundException {
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Object newInstance(String className, Object... args) throws ReflectiveOperationException {
    Class<?> type = loadClass(className);
    for (var constructor : type.getConstructors()) {
      if (constructor.getParameterCount() == args.length) {
        return constructor.newInstance(args);
      }
    }
    throw new NoSuchMethodException(className + " with " + args.length + " arguments");
  }
}
