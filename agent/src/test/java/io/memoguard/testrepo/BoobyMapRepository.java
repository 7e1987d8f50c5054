package io.memoguard.testrepo;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Returns a fresh hash map of application keys and values whose equals, hashCode, compareTo and
 * toString count their calls and throw while armed: the agent must never call them.
 */
public class BoobyMapRepository {
  public int bodyRuns;
  /** The name the next result's first value gets: a change the verify mode must find. */
  public String valueName = "v";

  public Map<Booby, Booby> findMap(String id) {
    bodyRuns++;
    boolean wasArmed = Booby.armed;
    Booby.armed = false;
    try {
      Map<Booby, Booby> map = new HashMap<>();
      for (int i = 0; i < 3; i++) {
        map.put(new Booby(i, id + i), new Booby(100 + i, (i == 0 ? valueName : "v") + i));
      }
      return map;
    } finally {
      Booby.armed = wasArmed;
    }
  }

  /** The flag and counter live here, not in the repository: tests run a woven copy of that. */
  public static final class Booby implements Comparable<Booby> {
    public static final AtomicInteger CALLS = new AtomicInteger();
    /** Off while the body builds its map (HashMap.put hashes the keys). */
    public static volatile boolean armed;
    public final int id;
    public String name;

    public Booby(int id, String name) {
      this.id = id;
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return trap(o instanceof Booby && ((Booby) o).id == id);
    }

    @Override
    public int hashCode() {
      return trap(id);
    }

    @Override
    public int compareTo(Booby o) {
      return trap(Integer.compare(id, o.id));
    }

    @Override
    public String toString() {
      return trap("SECRET-booby");
    }

    private static <T> T trap(T result) {
      if (armed) {
        CALLS.incrementAndGet();
        throw new IllegalStateException("SECRET application method called");
      }
      return result;
    }
  }
}
