package io.memoguard.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled name glob.
 *
 * <p>Class-name globs ({@link #ofClass}): {@code *} matches any run of characters except
 * {@code '.'}, so it stays inside one name segment; {@code **} matches any run including
 * {@code '.'}. A whole segment {@code **} between dots (or leading, {@code **.Foo}) also matches
 * zero packages, so {@code com.acme.**.Repo*} matches both {@code com.acme.RepoImpl} and
 * {@code com.acme.a.b.RepoImpl}. {@code $} is literal, for nested classes
 * ({@code com.acme.Outer$*}). Names are binary names in dotted form ({@code java.lang.String}).
 *
 * <p>Method-name globs ({@link #ofMethod}): {@code *} matches any run of characters.
 *
 * <p>Instances are immutable and thread-safe. Matching does not use regular expressions.
 */
public final class Glob {
  private static final byte LITERAL = 0;
  /** Any run without '.'. */
  private static final byte STAR = 1;
  /** Any run. */
  private static final byte ANY = 2;
  /** Zero or more whole "segment." prefixes. */
  private static final byte PACKAGES = 3;

  private final String pattern;
  private final byte[] kinds;
  private final String[] literals;
  private final int wildcards;

  private Glob(String pattern, List<Byte> kinds, List<String> literals) {
    this.pattern = pattern;
    this.kinds = new byte[kinds.size()];
    for (int i = 0; i < this.kinds.length; i++) {
      this.kinds[i] = kinds.get(i);
    }
    this.literals = literals.toArray(new String[0]);
    int n = 0;
    for (byte kind : this.kinds) {
      n += kind == LITERAL ? 0 : 1;
    }
    this.wildcards = n;
  }

  /**
   * Compiles a class-name glob.
   *
   * @throws IllegalArgumentException if the pattern is empty, has empty name segments or contains
   *     characters other than Java identifier characters, {@code '.'}, {@code '$'} and {@code '*'}
   */
  public static Glob ofClass(String pattern) {
    String problem = JavaNames.classPatternProblem(pattern);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Builder b = new Builder();
    String[] segments = pattern.split("\\.", -1);
    for (int s = 0; s < segments.length; s++) {
      String segment = segments[s];
      boolean last = s == segments.length - 1;
      if (segment.equals("**") && !last) {
        b.packages();
        continue; // PACKAGES consumes the dot that follows it
      }
      b.segment(segment, false);
      if (!last) {
        b.literal('.');
      }
    }
    return b.build(pattern);
  }

  /**
   * Compiles a method-name glob.
   *
   * @throws IllegalArgumentException if the pattern is empty or contains characters other than
   *     Java identifier characters and {@code '*'}
   */
  public static Glob ofMethod(String pattern) {
    String problem = JavaNames.methodPatternProblem(pattern);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Builder b = new Builder();
    b.segment(pattern, true);
    return b.build(pattern);
  }

  /**
   * Whether {@code className} is in one of {@code packages} or in a sub-package of one:
   * {@code com.acme.domain.X} and {@code com.acme.domain.sub.Y} are in {@code com.acme.domain},
   * {@code com.acme.domainx.Z} is not.
   */
  public static boolean inPackages(String className, List<String> packages) {
    for (String p : packages) {
      if (className.length() > p.length() + 1
          && className.charAt(p.length()) == '.'
          && className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the whole of {@code name} matches this glob. */
  public boolean matches(String name) {
    // with a single wildcard there is nothing to re-explore; with several, remembering failed
    // (token, position) states keeps odd patterns like "**a**a**a**b" polynomial
    boolean[] failed = wildcards > 1 ? new boolean[(kinds.length + 1) * (name.length() + 1)] : null;
    return match(0, name, 0, failed);
  }

  /** The source pattern. */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }

  private boolean match(int t, String s, int i, boolean[] failed) {
    if (failed == null) {
      return step(t, s, i, null);
    }
    int state = t * (s.length() + 1) + i;
    if (failed[state]) {
      return false;
    }
    boolean matched = step(t, s, i, failed);
    failed[state] = !matched;
    return matched;
  }

  private boolean step(int t, String s, int i, boolean[] failed) {
    while (t < kinds.length) {
      switch (kinds[t]) {
        case LITERAL:
          String literal = literals[t];
          if (!s.startsWith(literal, i)) {
            return false;
          }
          i += literal.length();
          t++;
          break;
        case STAR:
          if (t + 1 == kinds.length) {
            return s.indexOf('.', i) < 0;
          }
          for (int k = i; ; k++) {
            if (match(t + 1, s, k, failed)) {
              return true;
            }
            if (k == s.length() || s.charAt(k) == '.') {
              return false;
            }
          }
        case ANY:
          if (t + 1 == kinds.length) {
            return true;
          }
          for (int k = i; k <= s.length(); k++) {
            if (match(t + 1, s, k, failed)) {
              return true;
            }
          }
          return false;
        default: // PACKAGES
          if (match(t + 1, s, i, failed)) {
            return true;
          }
          for (int dot = s.indexOf('.', i); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            if (match(t + 1, s, dot + 1, failed)) {
              return true;
            }
          }
          return false;
      }
    }
    return i == s.length();
  }

  /** Accumulates tokens, merging adjacent literals and redundant wildcards. */
  private static final class Builder {
    private final List<Byte> kinds = new ArrayList<>();
    private final List<String> literals = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    void literal(char c) {
      pending.append(c);
    }

    /** Adds one segment; in method globs every star run means "anything". */
    void segment(String text, boolean starIsAny) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '*') {
          pending.append(c);
          continue;
        }
        int run = 1;
        while (i + 1 < text.length() && text.charAt(i + 1) == '*') {
          i++;
          run++;
        }
        token(starIsAny || run > 1 ? ANY : STAR);
      }
    }

    void packages() {
      token(PACKAGES);
    }

    private void token(byte kind) {
      flush();
      int last = kinds.size() - 1;
      // "**.**." or "***" add nothing over a single token, and skipping them bounds backtracking
      if (last >= 0 && kinds.get(last) == kind && kind != LITERAL) {
        return;
      }
      kinds.add(kind);
      literals.add(null);
    }

    private void flush() {
      if (pending.length() > 0) {
        kinds.add(LITERAL);
        literals.add(pending.toString());
        pending.setLength(0);
      }
    }

    Glob build(String pattern) {
      flush();
      return new Glob(pattern, kinds, literals);
    }
  }
}
