package io.memoguard.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader can see an API at all, asked once per loader. Hierarchy matching against
 * the servlet API is skipped entirely for loaders without it, which is what keeps class loading
 * cheap in services that have no servlet container.
 */
final class ApiVisibility {
  private final Map<ClassLoader, Map<String, Boolean>> seen = new WeakHashMap<>();

  /** @param resource a class file path such as {@code jakarta/servlet/Servlet.class} */
  boolean sees(ClassLoader loader, String resource) {
    if (loader == null) {
      return false;
    }
    synchronized (seen) {
      return seen.computeIfAbsent(loader, l -> new HashMap<>())
          .computeIfAbsent(resource, r -> loader.getResource(r) != null);
    }
  }
}
