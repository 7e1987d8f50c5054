package io.memoguard.agent.config;

/**
 * Which classes a rule applies to: by (globbed) class name, by a supertype they implement or extend,
 * or by an annotation on the class. {@code line} is where the selector stands in the YAML file, so
 * a rule that never matched can be named at exit.
 */
public record Selector(Kind kind, String pattern, int line) {
  public enum Kind { CLASS, IMPLEMENTS, ANNOTATED }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + pattern;
  }
}
