package io.memoguard.testrepo;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Anonymous classes for the repositories: outside the woven class, whose copy in a test loader
 * could not reach its own package-private nested classes.
 */
public final class Captures {
  private Captures() {}

  /** An inner class: the stream is a field of its outer instance, reached through this$0. */
  public static Iterable<String> inner(Stream<String> stream) {
    return new Outer(stream).new View();
  }

  /** Holds the stream that its inner views iterate. */
  public static final class Outer {
    private final Stream<String> stream;

    Outer(Stream<String> stream) {
      this.stream = stream;
    }

    /** Iterates the outer instance's stream. */
    public final class View implements Iterable<String> {
      @Override
      public Iterator<String> iterator() {
        return stream.iterator();
      }
    }
  }

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
