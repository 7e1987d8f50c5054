package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Consumables;
import io.memoguard.runtime.snapshot.Snapshot;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Notices said once: per JVM, per class, or per site ({@link Site#firstNotice}). */
final class Notices {
  private static final Set<String> NOTICED = ConcurrentHashMap.newKeySet();
  /** Per class, not in a set of classes: remembering a class must not keep its loader alive. */
  private static final ClassValue<AtomicBoolean> UNGUARDED = new ClassValue<AtomicBoolean>() {
    @Override
    protected AtomicBoolean computeValue(Class<?> type) {
      return new AtomicBoolean();
    }
  };

  private Notices() {}

  /** Says a request-independent notice once per JVM ({@code key} names the reason, not a class). */
  static void once(String key, String message) {
    if (NOTICED.add(key)) {
      Settings.sink.notice(message);
    }
  }

  /**
   * Says once per class that objects of an application class without barriers are part of a cached
   * value: a write to them is found only when the value is served again.
   */
  static void unguarded(Snapshot snapshot) {
    for (Class<?> type : snapshot.unguardedClasses()) {
      if (UNGUARDED.get(type).compareAndSet(false, true)) {
        // a class of guard.packages here lost its barriers (failed rewrite, loaded before the
        // agent, or reached through a subclass outside guard.packages): adding it changes nothing
        Settings.sink.notice(Settings.isGuardedClass(type.getName())
            ? "class " + type.getName() + " carries no write barrier here, checked on read"
            : "class " + type.getName() + " is not guarded, checked on read (add its"
                + " package to guard.packages for write barriers)");
      }
    }
  }

  /** Says once per method which kind of object kept its results from being memoized. */
  static void consumable(Site site, Class<?> type) {
    Class<?> kind = Consumables.kindOf(type);
    String what = "a " + type.getName() + (kind != null ? " (" + kind.getName() + ")"
        : ", JDK state the agent cannot compare");
    if (site.firstNotice(Site.NOTICE_CONSUMABLE)) {
      Settings.sink.notice("results of " + site.display + " are not memoized: they hold " + what
          + ", which the first caller may consume or change");
    }
  }
}
