package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.memoguard.agent.config.Glob;
import io.memoguard.agent.config.Selector;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Turns configured selectors into Byte Buddy type matchers that record their use. */
final class TypeSelectors {
  private TypeSelectors() {}

  static ElementMatcher<TypeDescription> of(Selector selector, RuleUsage usage) {
    ElementMatcher<TypeDescription> matcher = safe(raw(selector));
    return type -> {
      boolean matches = matcher.matches(type);
      if (matches) {
        usage.matched(selector);
      }
      return matches;
    };
  }

  /**
   * A supertype that cannot be resolved (an optional dependency missing from the class path) means
   * "no match", never a failed or reported class load.
   */
  static ElementMatcher<TypeDescription> safe(ElementMatcher<TypeDescription> matcher) {
    return type -> {
      try {
        return matcher.matches(type);
      } catch (RuntimeException | LinkageError unresolvable) {
        return false;
      }
    };
  }

  private static ElementMatcher<TypeDescription> raw(Selector selector) {
    switch (selector.kind()) {
      case IMPLEMENTS:
        return SuperTypeNames.named(selector.pattern());
      case ANNOTATED:
        return isAnnotatedWith(named(selector.pattern()));
      case CLASS:
      default:
        Glob glob = Glob.ofClass(selector.pattern());
        return type -> glob.matches(type.getName());
    }
  }
}
