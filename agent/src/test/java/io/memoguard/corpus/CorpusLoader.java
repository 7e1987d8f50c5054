package io.memoguard.corpus;

import io.memoguard.agent.instrument.FieldBarrierTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads the corpus packages child-first through {@link FieldBarrierTransformer}, as the agent does
 * at class load, so that the corpus runs real barrier bytecode.
 */
final class CorpusLoader extends ClassLoader {
  private final FieldBarrierTransformer transformer;
  private final List<String> packages;

  CorpusLoader(List<String> guardPackages, List<String> transformedPackages) {
    super(CorpusLoader.class.getClassLoader());
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
}
