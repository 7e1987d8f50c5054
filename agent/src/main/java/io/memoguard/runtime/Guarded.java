package io.memoguard.runtime;

/**
 * Implemented by every guarded domain class at load time: the agent adds one synthetic field that
 * points to the {@link Tracker} of the instance while it is part of a memoized value, and is null
 * otherwise. Write barriers read that field directly, so a write to an object that is not cached
 * costs one field load and a null check.
 */
public interface Guarded {
  String TRACKER_FIELD = "$memoguard$tracker";

  Object $memoguard$getTracker();

  void $memoguard$setTracker(Object tracker);
}
