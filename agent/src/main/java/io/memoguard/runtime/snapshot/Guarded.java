package io.memoguard.runtime.snapshot;

/**
 * Implemented by every guarded domain class at load time: the agent adds one synthetic field that
 * points to the {@link Tracker} of the instance while it is part of a memoized value, and is null
 * otherwise. Write barriers read it through this interface's final implementation, so a write to
 * an object that is not cached costs a type check, one field load and a null check.
 */
public interface Guarded {
  String TRACKER_FIELD = "$memoguard$tracker";
  /**
   * Private static marker field of every guarded class the agent rewrote: writes to the fields it
   * declares pass the barrier. Classes without it are checked on read.
   */
  String BARRIERED_FIELD = "$memoguard$barriered";

  Object $memoguard$getTracker();

  void $memoguard$setTracker(Object tracker);
}
