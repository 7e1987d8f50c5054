package io.memoguard.testrepo.iso;

import java.util.HashMap;
import java.util.Map;

/**
 * A repository of static methods only: no receiver tells two loaders' copies apart. Each copy has
 * its own statics, so a result shows which copy computed it.
 */
public final class StaticRepo {
  public static String origin = "?";
  public static int calls;
  private static final Map<Integer, String> NAMES = new HashMap<>();

  private StaticRepo() {}

  public static String getTag(String key) {
    calls++;
    return origin + ":" + key + "#" + calls;
  }

  /** The return type is a class of this loader too: another loader's value cannot be cast to it. */
  public static TagValue getValue(String key) {
    calls++;
    return new TagValue(origin + ":" + key);
  }

  public static String getName(int id) {
    calls++;
    return NAMES.getOrDefault(id, "name" + id);
  }

  public static void rename(int id, String name) {
    NAMES.put(id, name);
  }

  /** Package-private: callable by the application's own classes of the package. */
  static void forget(int id) {
    NAMES.remove(id);
  }

  public static void reset() {
    NAMES.clear();
  }

  /** Lets a test call the package-private writer as a same-package class would. */
  public static final class SamePackage {
    private SamePackage() {}

    public static void forget(int id) {
      StaticRepo.forget(id);
    }
  }
}
