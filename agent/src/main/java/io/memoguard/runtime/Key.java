package io.memoguard.runtime;

import java.util.Arrays;

/**
 * Identity of a memoized call: the receiver by identity, the method of its loaded class (the
 * {@link Site}, by identity), and the arguments by value. Arguments are normalized copies
 * ({@link ArgumentKeys}), so a caller that mutates an argument after the call cannot change a
 * stored key, and comparing keys runs no application code.
 */
final class Key {
  final Site site;
  final Object receiver;
  final Object[] args;
  final Request request;
  private final int hash;
  /** Verify mode: the call runs whatever happens, and is compared with the memoized value. */
  boolean verify;
  /** Verify mode: the entry this call would have been served, set by a would-be hit. */
  Entry verifyAgainst;
  /** The request's JDBC write count when the call started ({@link JdbcWrites}). */
  int writesAtStart;
  /** When the call missed ({@link System#nanoTime}): the entry's cost is measured from here. */
  long startNanos;

  Key(Site site, Object receiver, Object[] args, Request request) {
    this.site = site;
    this.receiver = receiver;
    this.args = args;
    this.request = request;
    this.hash = hash(site, receiver, args);
  }

  /** The hash of a call; a {@link Probe} of the same call must hash the same. */
  static int hash(Site site, Object receiver, Object[] args) {
    return (site.id.hashCode() * 31 + System.identityHashCode(receiver)) * 31 + Arrays.hashCode(args);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Key)) {
      return false;
    }
    Key that = (Key) other;
    return matches(that.site, that.receiver, that.args, that.hash);
  }

  /**
   * Whether this key is the call of {@code site} on {@code receiver} with {@code args} (hashed by
   * {@link #hash}): the one definition of equality, shared by {@link #equals} and {@link Probe}.
   */
  boolean matches(Site site, Object receiver, Object[] args, int hash) {
    return this.hash == hash
        && this.receiver == receiver
        && this.site == site
        && Arrays.equals(this.args, args);
  }
}
