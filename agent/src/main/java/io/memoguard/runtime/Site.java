package io.memoguard.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A memoized or invalidating method, identified by the constant string that the advice passes
 * ({@code type|method|descriptor}). Overloads differ in the descriptor and so are distinct sites.
 */
final class Site {
  private static final ConcurrentHashMap<String, Site> SITES = new ConcurrentHashMap<>();

  final String id;
  final String type;
  final String method;
  final String display;

  private Site(String id) {
    this.id = id;
    int first = id.indexOf('|');
    int second = id.indexOf('|', first + 1);
    this.type = first < 0 ? id : id.substring(0, first);
    this.method = first < 0 ? "?" : id.substring(first + 1, second < 0 ? id.length() : second);
    this.display = type + "." + method;
  }

  static Site of(String id) {
    Site site = SITES.get(id);
    return site != null ? site : SITES.computeIfAbsent(id, Site::new);
  }
}
