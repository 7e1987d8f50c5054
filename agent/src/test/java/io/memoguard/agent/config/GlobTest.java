package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void singleStarStaysWithinOneNameSegment() {
    Glob glob = Glob.ofClass("com.acme.*Repository");

    assertThat(glob.matches("com.acme.MortgageRepository")).isTrue();
    assertThat(glob.matches("com.acme.Repository")).isTrue();
    assertThat(glob.matches("com.acme.x.MortgageRepository")).isFalse();
    assertThat(glob.matches("com.acme.MortgageRepositoryImpl")).isFalse();
    assertThat(glob.matches("org.acme.MortgageRepository")).isFalse();
  }

  @Test
  void doubleStarSegmentMatchesAcrossPackagesIncludingNone() {
    Glob glob = Glob.ofClass("com.acme.**.Repo*");

    assertThat(glob.matches("com.acme.a.b.RepoImpl")).isTrue();
    assertThat(glob.matches("com.acme.x.Repository")).isTrue();
    assertThat(glob.matches("com.acme.RepoImpl")).isTrue();
    assertThat(glob.matches("com.acme.x.MortgageRepo")).isFalse();
    assertThat(glob.matches("com.acmex.y.RepoImpl")).isFalse();
    assertThat(glob.matches("com.acme.x.Repo.Inner")).isFalse();
  }

  @Test
  void doubleStarAloneMatchesEveryName() {
    Glob glob = Glob.ofClass("**");

    assertThat(glob.matches("Foo")).isTrue();
    assertThat(glob.matches("com.acme.deep.pkg.Foo$Bar")).isTrue();
  }

  @Test
  void trailingDoubleStarMatchesEverythingUnderThePackage() {
    Glob glob = Glob.ofClass("com.acme.**");

    assertThat(glob.matches("com.acme.Foo")).isTrue();
    assertThat(glob.matches("com.acme.a.b.Foo")).isTrue();
    assertThat(glob.matches("com.acmex.Foo")).isFalse();
    assertThat(glob.matches("com.acme")).isFalse();
  }

  @Test
  void leadingDoubleStarSegmentMatchesAnyPackageOrNone() {
    Glob glob = Glob.ofClass("**.Foo");

    assertThat(glob.matches("Foo")).isTrue();
    assertThat(glob.matches("a.b.Foo")).isTrue();
    assertThat(glob.matches("a.bFoo")).isFalse();
    assertThat(glob.matches("a.Foo.Bar")).isFalse();
  }

  @Test
  void doubleStarInsideASegmentCrossesDots() {
    Glob glob = Glob.ofClass("com.**Repo");

    assertThat(glob.matches("com.a.b.MortgageRepo")).isTrue();
    assertThat(glob.matches("com.Repo")).isTrue();
    assertThat(glob.matches("org.a.Repo")).isFalse();
  }

  @Test
  void patternWithoutWildcardsMatchesOnlyItself() {
    Glob glob = Glob.ofClass("com.acme.Foo");

    assertThat(glob.matches("com.acme.Foo")).isTrue();
    assertThat(glob.matches("com.acme.FooBar")).isFalse();
    assertThat(glob.matches("com.acme.Fo")).isFalse();
    assertThat(glob.matches("xcom.acme.Foo")).isFalse();
  }

  @Test
  void dollarIsLiteralAndSingleStarSpansNestedClassNames() {
    assertThat(Glob.ofClass("com.acme.Outer$*").matches("com.acme.Outer$Inner")).isTrue();
    assertThat(Glob.ofClass("com.acme.Outer$*").matches("com.acme.OuterXInner")).isFalse();
    assertThat(Glob.ofClass("com.acme.*").matches("com.acme.Outer$Inner")).isTrue();
  }

  @Test
  void starsInTheMiddleBacktrack() {
    Glob glob = Glob.ofClass("com.*.*Service*Impl");

    assertThat(glob.matches("com.acme.LoanServiceCachedImpl")).isTrue();
    assertThat(glob.matches("com.acme.ServiceImpl")).isTrue();
    assertThat(glob.matches("com.acme.LoanServiceImplHelper")).isFalse();
    assertThat(glob.matches("com.ServiceImpl")).isFalse();
  }

  @Test
  void manyWildcardsDoNotBacktrackExponentially() {
    Glob glob = Glob.ofClass("**a**a**a**a**a**a**a**b");
    String name = "a".repeat(2_000);

    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThat(glob.matches(name)).isFalse());
  }

  @Test
  void methodGlobStarMatchesAnyCharacters() {
    assertThat(Glob.ofMethod("get*").matches("get")).isTrue();
    assertThat(Glob.ofMethod("get*").matches("getMortgage")).isTrue();
    assertThat(Glob.ofMethod("get*").matches("forget")).isFalse();
    assertThat(Glob.ofMethod("*ById").matches("findById")).isTrue();
    assertThat(Glob.ofMethod("find*By*").matches("findAllByNameAndCity")).isTrue();
    assertThat(Glob.ofMethod("find*By*").matches("findAll")).isFalse();
    assertThat(Glob.ofMethod("*").matches("anything")).isTrue();
    assertThat(Glob.ofMethod("run").matches("run")).isTrue();
    assertThat(Glob.ofMethod("run").matches("runAll")).isFalse();
  }

  @Test
  void invalidClassPatternsAreRejected() {
    assertThatThrownBy(() -> Glob.ofClass("com.acme.Foo-Bar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid class pattern: character 13 is not allowed "
            + "(use Java identifier characters, '.', '$', '*' and '**')");
    assertThatThrownBy(() -> Glob.ofClass("com..Foo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty name segment");
    assertThatThrownBy(() -> Glob.ofClass("com.acme."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty name segment");
    assertThatThrownBy(() -> Glob.ofClass("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidMethodPatternsAreRejected() {
    assertThatThrownBy(() -> Glob.ofMethod("get.*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid method pattern: character 4 is not allowed "
            + "(use Java identifier characters and '*')");
    assertThatThrownBy(() -> Glob.ofMethod("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void patternIsKeptForReporting() {
    assertThat(Glob.ofClass("com.acme.*").pattern()).isEqualTo("com.acme.*");
    assertThat(Glob.ofMethod("get*")).hasToString("get*");
  }

  @Test
  void inPackagesAcceptsThePackageAndItsSubPackagesOnly() {
    List<String> packages = List.of("com.acme.domain", "org.other");

    assertThat(Glob.inPackages("com.acme.domain.X", packages)).isTrue();
    assertThat(Glob.inPackages("com.acme.domain.sub.Y", packages)).isTrue();
    assertThat(Glob.inPackages("org.other.Z$Inner", packages)).isTrue();
    assertThat(Glob.inPackages("com.acme.domainx.Z", packages)).isFalse();
    assertThat(Glob.inPackages("com.acme.Domain", packages)).isFalse();
    assertThat(Glob.inPackages("com.acme.domain", packages)).isFalse();
    assertThat(Glob.inPackages("com.acme.domain.X", List.of())).isFalse();
  }
}
