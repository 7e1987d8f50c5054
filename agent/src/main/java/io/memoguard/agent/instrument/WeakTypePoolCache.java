package io.memoguard.agent.instrument;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Caches parsed type descriptions per class loader, so that hierarchy matching does not re-read
 * every supertype's class file for every loaded class. Loaders are held weakly: an undeployed
 * application's loader must stay collectable.
 */
final class WeakTypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  private final Map<ClassLoader, TypePool.CacheProvider> caches = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = TypePool.CacheProvider.Simple.withObjectType();

  WeakTypePoolCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    synchronized (caches) {
      return caches.computeIfAbsent(loader, l -> TypePool.CacheProvider.Simple.withObjectType());
    }
  }
}
