package io.memoguard.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads the classes of some packages child-first, each rewritten as the agent would rewrite it at
 * class load, so tests run the rewritten bytecode on a real JVM; everything else is delegated.
 */
public abstract class RewritingClassLoader extends ClassLoader {
  private final List<String> packages;

  protected RewritingClassLoader(List<String> packages) {
    super(RewritingClassLoader.class.getClassLoader());
    this.packages = packages;
  }

  /** The rewritten class file, or null to define the original. */
  protected abstract byte[] rewrite(String internalName, byte[] original);

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      if (packages.stream().noneMatch(p -> name.startsWith(p + "."))) {
        return super.loadClass(name, resolve);
      }
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] original = read(name);
        byte[] rewritten = rewrite(name.replace('.', '/'), original);
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
