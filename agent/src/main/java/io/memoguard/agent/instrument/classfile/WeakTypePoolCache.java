package io.memoguard.agent.instrument.classfile;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Caches parsed type descriptions per class loader, so that hierarchy matching does not re-read
 * every supertype's class file for every loaded class. Loaders are held weakly: an undeployed
 * application's loader must stay collectable.
 *
 * <p>Only types that were found are cached. A type whose class file cannot be found (a loader
 * hiding its resources, a missing optional dependency) stays a lazy description known by its name:
 * cached as "not found", every later use of it (Byte Buddy's method graph needs every return and
 * parameter type by name) would fail the whole class instead of the one check that needed more.
 */
public final class WeakTypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  private final Map<ClassLoader, TypePool.CacheProvider> caches = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = new FoundOnly();

  public WeakTypePoolCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    synchronized (caches) {
      return caches.computeIfAbsent(loader, l -> new FoundOnly());
    }
  }

  private static final class FoundOnly implements TypePool.CacheProvider {
    private final TypePool.CacheProvider found = TypePool.CacheProvider.Simple.withObjectType();

    @Override
    public TypePool.Resolution find(String name) {
      return found.find(name);
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      return resolution.isResolved() ? found.register(name, resolution) : resolution;
    }

    @Override
    public void clear() {
      found.clear();
    }
  }
}
