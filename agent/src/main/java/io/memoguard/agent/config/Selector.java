package io.memoguard.agent.config;

/**
 * Which classes a rule applies to: by (globbed) class name, by a supertype they implement or extend,
 * or by an annotation on the class. {@code line} is where the selector stands in the YAML file, so
 * a rule that never matched can be named at exit.
 */
public record Selector(Kind kind, String pattern, int line) {
  public enum Kind { CLASS, IMPLEMENTS, ANNOTATED }

  // Written out rather than generated: the generated ones bootstrap java.lang.runtime.ObjectMethods
  // on first use, 20-45 ms of premain (the rule usage map hashes selectors at start-up).
  @Override
  public boolean equals(Object other) {
    return other instanceof Selector that && kind == that.kind && line == that.line
        && java.util.Objects.equals(pattern, that.pattern);
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(kind) * 31 + java.util.Objects.hashCode(pattern)) * 31 + line;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + pattern;
  }
}
