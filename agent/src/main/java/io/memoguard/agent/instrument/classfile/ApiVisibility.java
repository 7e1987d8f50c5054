package io.memoguard.agent.instrument.classfile;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader can see an API at all, asked once per loader. Hierarchy matching against
 * the servlet API is skipped entirely for loaders without it, which is what keeps class loading
 * cheap in services that have no servlet container.
 */
public final class ApiVisibility {
  private final Map<ClassLoader, Map<String, Boolean>> seen = new WeakHashMap<>();

  /** @param resource a class file path such as {@code jakarta/servlet/Servlet.class} */
  public boolean sees(ClassLoader loader, String resource) {
    if (loader == null) {
      return false;
    }
    synchronized (seen) {
      Boolean known = seen.computeIfAbsent(loader, l -> new HashMap<>()).get(resource);
      if (known != null) {
        return known;
      }
    }
    // outside the lock: the look-up runs the host loader's code
    boolean sees = HostClassFiles.INSTANCE.read(loader,
        resource.substring(0, resource.length() - ".class".length())) != null;
    synchronized (seen) {
      seen.computeIfAbsent(loader, l -> new HashMap<>()).put(resource, sees);
    }
    return sees;
  }
}
