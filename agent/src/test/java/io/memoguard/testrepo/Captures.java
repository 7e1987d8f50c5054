package io.memoguard.testrepo;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Anonymous classes for the repositories: outside the woven class, whose copy in a test loader
 * could not reach its own package-private nested classes.
 */
public final class Captures {
  private Captures() {}

  /** An anonymous Iterable: the stream is its synthetic captured field. */
  public static Iterable<String> anonymous(Stream<String> stream) {
    return new Iterable<String>() {
      @Override
      public Iterator<String> iterator() {
        return stream.iterator();
      }
    };
  }
}
