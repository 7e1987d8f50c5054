package io.memoguard.runtime;

/**
 * The call being looked up, before it is known to miss: a hit then allocates no {@link Key}. One
 * per {@link Binding}, so one thread uses it; refilled for each call and emptied right after the
 * lookup, which runs no host code (keys compare JDK values only, checks read JDK collections), so
 * a nested memoized call cannot reuse it while it is in use.
 */
final class Probe {
  static final int MAX_BUFFERED = 3;
  /** Argument buffers for the advice of methods with few parameters, by count. */
  private final Object[][] buffers = {new Object[0], new Object[1], new Object[2], new Object[3]};
  private Site site;
  private Object receiver;
  private Object[] args;
  private int hash;

  /** The reused array for {@code count} arguments (at most {@link #MAX_BUFFERED}). */
  Object[] buffer(int count, Object a0, Object a1, Object a2) {
    Object[] buffer = buffers[count];
    args = buffer; // emptied by clear() whatever happens next
    switch (count) {
      case 3:
        buffer[2] = a2;
        // fall through
      case 2:
        buffer[1] = a1;
        // fall through
      case 1:
        buffer[0] = a0;
        // fall through
      default:
        return buffer;
    }
  }

  Probe set(Site site, Object receiver, Object[] args) {
    this.site = site;
    this.receiver = receiver;
    this.args = args;
    this.hash = Key.hash(site, receiver, args);
    return this;
  }

  /** Lets go of the call's objects: a binding lives as long as its request. */
  void clear() {
    Object[] a = args;
    if (a != null && a.length < buffers.length && a == buffers[a.length]) {
      // at most three slots: plain stores, cheaper than a call to Arrays.fill on the hit path
      for (int i = 0; i < a.length; i++) {
        a[i] = null;
      }
    }
    site = null;
    receiver = null;
    args = null;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Called by the table's map with a stored key. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Key && ((Key) other).matches(site, receiver, args, hash);
  }
}
