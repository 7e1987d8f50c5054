package io.memoguard.runtime;

/**
 * Thrown at a write to an object that is part of a memoized value when {@code on-mutation: fail} is
 * configured. It is thrown before the write happens, so the cached value stays intact; it is meant
 * for test suites that want to find code writing to shared results.
 */
public final class MutationRejectedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public MutationRejectedException(String message) {
    super(message);
  }
}
