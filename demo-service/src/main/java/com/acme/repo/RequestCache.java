package com.acme.repo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hand-rolled per-request cache many code bases grow: repeated reads within one request return
 * the very same instance. It is unprotected on purpose: when one caller changes the object it got,
 * every later caller in the request sees the change. {@code --naive-cache} turns it on to show the
 * corruption memoguard prevents; otherwise it passes every read through.
 */
public final class RequestCache {
  private final boolean enabled;
  private final ThreadLocal<Map<List<Object>, Object>> entries =
      ThreadLocal.withInitial(HashMap::new);

  private RequestCache(boolean enabled) {
    this.enabled = enabled;
  }

  public static RequestCache disabled() {
    return new RequestCache(false);
  }

  public static RequestCache naive() {
    return new RequestCache(true);
  }

  /** Ends the request on the calling thread; the web layer calls it once a request is done. */
  public void clear() {
    entries.remove();
  }

  @SuppressWarnings("unchecked")
  <T> T get(Supplier<T> load, String method, Object... args) {
    if (!enabled) {
      return load.get();
    }
    List<Object> key = List.of(method, Arrays.asList(args));
    Map<List<Object>, Object> cache = entries.get();
    // containsKey, not computeIfAbsent: a miss (null) is remembered too, like a real cache would
    if (cache.containsKey(key)) {
      return (T) cache.get(key);
    }
    T value = load.get();
    cache.put(key, value);
    return value;
  }
}
