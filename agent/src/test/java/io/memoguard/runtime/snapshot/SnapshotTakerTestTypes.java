package io.memoguard.runtime.snapshot;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Application-like classes for {@link SnapshotTakerTest}. */
final class SnapshotTakerTestTypes {
  private SnapshotTakerTestTypes() {}

  /** Stands in for a domain class the agent instrumented: tracker field plus Guarded. */
  static class Entity implements Guarded {
    private static final boolean $memoguard$barriered = true; // the agent marks rewritten classes
    private Object $memoguard$tracker;
    String name;
    List<Object> tags = new ArrayList<>();
    Object child;

    Entity(String name) {
      this.name = name;
    }

    @Override
    public Object $memoguard$getTracker() {
      return $memoguard$tracker;
    }

    @Override
    public void $memoguard$setTracker(Object tracker) {
      $memoguard$tracker = tracker;
    }
  }

  /** A superclass from a package the agent does not instrument: its fields have no barriers. */
  static class AuditedBase {
    String audit = "created";
  }

  static class AuditedEntity extends AuditedBase implements Guarded {
    private static final boolean $memoguard$barriered = true; // the agent marks rewritten classes
    private Object $memoguard$tracker;
    String name = "e";

    @Override
    public Object $memoguard$getTracker() {
      return $memoguard$tracker;
    }

    @Override
    public void $memoguard$setTracker(Object tracker) {
      $memoguard$tracker = tracker;
    }
  }

  /** Application class without barriers. */
  static class Plain {
    String name;
    Object ref;
    int count;
    double ratio;
    Date date;

    Plain(String name) {
      this.name = name;
    }

    Plain(String name, Date date) {
      this.name = name;
      this.date = date;
    }
  }

  /** Only final state: cannot change, so nothing to watch, but what it holds is followed. */
  static final class Money {
    final long cents;
    final Object payload;

    Money(long cents, Object payload) {
      this.cents = cents;
      this.payload = payload;
    }
  }

  /** Caches its hash like many value classes; the cache is not part of the value. */
  static final class CachedHash {
    final String id;
    private transient int hash;

    CachedHash(String id) {
      this.id = id;
    }

    @Override
    public int hashCode() {
      if (hash == 0) {
        hash = id.hashCode();
      }
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CachedHash && ((CachedHash) o).id.equals(id);
    }
  }

  /** Holder of one of everything. */
  static class Holder {
    Object[] items;
    int[] scores;
    long[] big;
    Date date;
    Date stamp;
    java.util.Calendar calendar;
    Object plain;
    Object opt;
  }

  static final class Node {
    Node next;
    int value;
  }

  /** Every method an application could intercept fails, and counts. */
  static final class Trap {
    static final AtomicInteger CALLS = new AtomicInteger();
    String name = "trap";
    Object child;

    String getName() {
      CALLS.incrementAndGet();
      throw new AssertionError("getter called");
    }

    @Override
    public boolean equals(Object o) {
      CALLS.incrementAndGet();
      throw new AssertionError("equals called");
    }

    @Override
    public int hashCode() {
      CALLS.incrementAndGet();
      throw new AssertionError("hashCode called");
    }

    @Override
    public String toString() {
      CALLS.incrementAndGet();
      throw new AssertionError("toString called");
    }
  }

  /** Usable as a hash key, but counts every call. */
  static final class CountingKey {
    static final AtomicInteger CALLS = new AtomicInteger();
    final int id;

    CountingKey(int id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      CALLS.incrementAndGet();
      return o instanceof CountingKey && ((CountingKey) o).id == id;
    }

    @Override
    public int hashCode() {
      CALLS.incrementAndGet();
      return id;
    }

    @Override
    public String toString() {
      CALLS.incrementAndGet();
      return "key" + id;
    }
  }

  /** Like a lazy ORM collection: iterating it would load. */
  static final class LazyCollection extends AbstractCollection<Object> {
    static final AtomicInteger CALLS = new AtomicInteger();
    Object[] loaded;
    boolean initialized;

    LazyCollection(Object... loaded) {
      this.loaded = loaded;
    }

    @Override
    public Iterator<Object> iterator() {
      CALLS.incrementAndGet();
      throw new AssertionError("iterator called");
    }

    @Override
    public int size() {
      CALLS.incrementAndGet();
      throw new AssertionError("size called");
    }
  }

  /** Application subclass of a JDK list that leaves iteration to the JDK. */
  static final class Tags extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    String label = "tags";
  }

  /** Application subclass of a JDK list that overrides iteration: must not be iterated. */
  static final class LazyTags extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public Iterator<Object> iterator() {
      CALLS.incrementAndGet();
      throw new AssertionError("iterator called");
    }
  }
}
