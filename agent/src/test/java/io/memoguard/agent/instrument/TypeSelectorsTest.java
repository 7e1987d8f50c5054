package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.Selector;
import io.memoguard.testrepo.CountingRepository;
import io.memoguard.testrepo.Repo;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

class TypeSelectorsTest {
  @Retention(RetentionPolicy.RUNTIME)
  @interface Marker {}

  @Marker
  static class Annotated {}

  static class Sub extends CountingRepository {}

  private final RuleUsage usage = new RuleUsage();

  private ElementMatcher<TypeDescription> selector(Selector.Kind kind, String pattern) {
    Selector selector = new Selector(kind, pattern, 3);
    usage.register("memoize", selector);
    return TypeSelectors.of(selector, usage);
  }

  private static TypeDescription type(Class<?> type) {
    return TypeDescription.ForLoadedType.of(type);
  }

  @Test
  void classGlobMatchesWithinOneSegment() {
    ElementMatcher<TypeDescription> matcher = selector(Selector.Kind.CLASS, "io.memoguard.testrepo.*Repository");
    assertThat(matcher.matches(type(CountingRepository.class))).isTrue();
    assertThat(matcher.matches(type(Repo.class))).isFalse();
  }

  @Test
  void implementsMatchesImplementorsAndSubclasses() {
    ElementMatcher<TypeDescription> matcher = selector(Selector.Kind.IMPLEMENTS, Repo.class.getName());
    assertThat(matcher.matches(type(CountingRepository.class))).isTrue();
    assertThat(matcher.matches(type(Sub.class))).isTrue();
    assertThat(matcher.matches(type(String.class))).isFalse();
  }

  @Test
  void annotatedMatchesTheAnnotatedClassOnly() {
    ElementMatcher<TypeDescription> matcher = selector(Selector.Kind.ANNOTATED, Marker.class.getName());
    assertThat(matcher.matches(type(Annotated.class))).isTrue();
    assertThat(matcher.matches(type(Sub.class))).isFalse();
  }

  @Test
  void selectorsThatNeverMatchedAreReportedWithTheirLine() {
    ElementMatcher<TypeDescription> used = selector(Selector.Kind.CLASS, "io.memoguard.testrepo.Counting*");
    selector(Selector.Kind.CLASS, "com.typo.Nothing");
    used.matches(type(CountingRepository.class));
    assertThat(usage.unmatched()).containsExactly("memoize rule at line 3 (class: com.typo.Nothing)");
  }

  @Test
  void aMatcherThatThrowsMeansNoMatch() {
    ElementMatcher<TypeDescription> failing = TypeSelectors.safe(t -> {
      throw new IllegalStateException("cannot resolve super type");
    });
    assertThat(failing.matches(type(Sub.class))).isFalse();
  }
}
