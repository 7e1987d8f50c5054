package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Schema violations: each must point at the offending node's line and column. */
class ConfigValidationTest extends ConfigFileTestSupport {

  @Nested
  class UnknownKeys {
    @Test
    void atTopLevel() {
      assertError("""
          memoize:
            - class: com.acme.Foo
          memoise:
            - class: com.acme.Bar
          """, 3, 1,
          "unknown key 'memoise' (expected one of: memoize, invalidate, guard, on-mutation, "
              + "mode, requests, jdbc, log)");
    }

    @Test
    void inAMemoizeRule() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              method: [get*]
          """, 3, 5,
          "unknown key 'method' (expected one of: class, implements, annotated, methods, "
              + "on-mutation, mode, park, park-timeout-ms)");
    }

    @Test
    void inAnInvalidateRule() {
      assertError("""
          invalidate:
            - class: com.acme.Foo
              methods: [save*]
              clear: request
          """, 4, 5,
          "unknown key 'clear' (expected one of: class, implements, annotated, methods, clears)");
    }

    @Test
    void inGuard() {
      assertError("""
          guard:
            packages: [com.acme.domain]
            max-objects: 5
          """, 3, 3, "unknown key 'max-objects' (expected one of: packages, max-graph-objects)");
    }

    @Test
    void inRequests() {
      assertError("""
          requests:
            entrypoints: []
          """, 2, 3, "unknown key 'entrypoints' (expected one of: entry-points, max-entries, max-bytes, max-total-bytes, propagate)");
    }

    @Test
    void inAnEntryPoint() {
      assertError("""
          requests:
            entry-points:
              - class: com.acme.Job
                method: run
          """, 4, 7,
          "unknown key 'method' (expected one of: class, implements, annotated, methods)");
    }

    @Test
    void inLog() {
      assertError("""
          log:
            level: info
            path: x.log
          """, 3, 3, "unknown key 'path' (expected one of: level, file, format, summary-interval)");
    }

    @Test
    void duplicateKey() {
      assertError("""
          on-mutation: log
          on-mutation: fail
          """, 2, 1, "duplicate key 'on-mutation'");
    }
  }

  @Nested
  class WrongTypes {
    @Test
    void stringWhereRuleListExpected() {
      assertError("memoize: com.acme.Foo\n", 1, 10,
          "'memoize' must be a list of rules, found a string");
    }

    @Test
    void stringWhereRuleMapExpected() {
      assertError("""
          memoize:
            - com.acme.Foo
          """, 2, 5, "each 'memoize' rule must be a map, found a string");
    }

    @Test
    void listWhereSectionMapExpected() {
      assertError("""
          guard:
            - com.acme.domain
          """, 2, 3, "'guard' must be a map, found a list");
    }

    @Test
    void listAsTheWholeDocument() {
      assertError("- memoize\n", 1, 1, "the configuration must be a map, found a list");
    }

    @Test
    void mapWhereMethodListExpected() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              methods: {get: yes}
          """, 3, 14, "'methods' must be a non-empty list of method-name globs, found a map");
    }

    @Test
    void emptyMethodsValue() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              methods:
          """, 3, 5, "'methods' must be a non-empty list of method-name globs, found null");
    }

    @Test
    void emptyMethodList() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              methods: []
          """, 3, 14, "'methods' must not be empty");
    }

    @Test
    void numberInMethodList() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              methods: [get*, 42]
          """, 3, 21, "entries of 'methods' must be strings, found an integer");
    }

    @Test
    void emptyStringInMethodList() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              methods: [get*, '']
          """, 3, 21, "entries of 'methods' must not be empty");
    }

    @Test
    void nonIntegerMaxEntries() {
      assertError("""
          requests:
            max-entries: lots
          """, 2, 16, "'max-entries' must be a positive integer, found a string");
    }

    @Test
    void fractionalMaxGraphObjects() {
      assertError("""
          guard:
            max-graph-objects: 1.5
          """, 2, 22,
          "'max-graph-objects' must be a positive integer, found a floating-point number");
    }

    @Test
    void negativeMaxEntries() {
      assertError("""
          requests:
            max-entries: -5
          """, 2, 16, "'max-entries' must be a positive integer, found a negative integer");
    }

    @Test
    void zeroMaxEntries() {
      assertError("""
          requests:
            max-entries: 0
          """, 2, 16, "'max-entries' must be a positive integer, found zero");
    }

    @Test
    void maxEntriesBeyondIntRange() {
      assertError("""
          requests:
            max-entries: 3000000000
          """, 2, 16,
          "'max-entries' must be a positive integer, found an integer larger than 2147483647");
    }

    @Test
    void emptyMaxEntriesPointsAtTheKey() {
      assertError("""
          requests:
            max-entries:
          """, 2, 3, "'max-entries' must be a positive integer, found null");
    }

    @Test
    void booleanWhereEnumExpected() {
      assertError("on-mutation: true\n", 1, 14,
          "'on-mutation' must be invalidate, log or fail, found a boolean");
    }

    @Test
    void nonStringKey() {
      assertError("[memoize]: x\n", 1, 1, "keys must be names, found a list");
    }
  }

  @Nested
  class InvalidEnums {
    @Test
    void unknownOnMutation() {
      assertError("on-mutation: explode\n", 1, 14,
          "'on-mutation' must be invalidate, log or fail, found an unknown value");
    }

    @Test
    void unknownClears() {
      assertError("""
          invalidate:
            - class: com.acme.Foo
              methods: [save*]
              clears: everything
          """, 4, 13, "'clears' must be class or request, found an unknown value");
    }

    @Test
    void unknownLogLevel() {
      assertError("""
          log:
            level: loud
          """, 2, 10, "'level' must be trace, debug, info, warn or error, found an unknown value");
    }

    @Test
    void offendingValueIsNotEchoed() {
      ConfigException e = loadFails("on-mutation: s3cr3t-value\n");

      assertThat(e.getMessage()).doesNotContain("s3cr3t");
    }
  }

  @Nested
  class Selectors {
    @Test
    void emptyQuotedSelectorPointsAtTheValue() {
      assertError("""
          memoize:
            - class: ""
          """, 2, 12, "empty selector: 'class' needs a class-name pattern");
    }

    @Test
    void missingSelectorValuePointsAtTheKey() {
      assertError("""
          memoize:
            - implements:
              methods: [get*]
          """, 2, 5, "empty selector: 'implements' needs a type name");
    }

    @Test
    void twoSelectorsInOneRule() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              implements: com.acme.Repo
          """, 2, 5,
          "rule has more than one selector (class, implements); use exactly one of: "
              + "class, implements, annotated");
    }

    @Test
    void noSelector() {
      assertError("""
          memoize:
            - class: com.acme.Foo
            - methods: [get*]
          """, 3, 5, "rule has no selector (expected one of: class, implements, annotated)");
    }

    @Test
    void noSelectorInAnEntryPoint() {
      assertError("""
          requests:
            entry-points:
              - methods: [run]
          """, 3, 7, "rule has no selector (expected one of: class, implements, annotated)");
    }

    @Test
    void invalidCharacterInClassPattern() {
      assertError("""
          memoize:
            - class: com/acme/Foo
          """, 2, 12, "invalid class pattern: character 4 is not allowed "
              + "(use Java identifier characters, '.', '$', '*' and '**')");
    }

    @Test
    void wildcardInImplementsIsRejected() {
      assertError("""
          memoize:
            - implements: com.acme.*Repository
          """, 2, 17, "invalid type name: character 10 is not allowed "
              + "(use Java identifier characters, '.' and '$'; no wildcards)");
    }

    @Test
    void numericSelectorIsAWrongType() {
      assertError("""
          memoize:
            - class: 42
          """, 2, 12, "'class' must be a class-name pattern, found an integer");
    }
  }

  @Nested
  class RequiredAndInvalidValues {
    @Test
    void invalidateRuleWithoutMethods() {
      assertError("""
          invalidate:
            - class: com.acme.Foo
          """, 2, 5, "an 'invalidate' rule needs 'methods'");
    }

    @Test
    void entryPointWithoutMethods() {
      assertError("""
          requests:
            entry-points:
              - class: com.acme.Job
          """, 3, 7, "an entry point needs 'methods'");
    }

    @Test
    void invalidMethodGlob() {
      assertError("""
          memoize:
            - class: com.acme.Foo
              methods: [get*, find-all]
          """, 3, 21, "invalid method pattern: character 5 is not allowed "
              + "(use Java identifier characters and '*')");
    }

    @Test
    void globInGuardPackages() {
      assertError("""
          guard:
            packages: [com.acme.domain, com.acme.*]
          """, 2, 31, "invalid package name: character 10 is not allowed "
              + "(use Java identifier characters and '.'; no wildcards)");
    }

    @Test
    void emptyLogFile() {
      assertError("""
          log:
            file: ''
          """, 2, 9, "'file' must not be empty (omit it to log to standard error)");
    }
  }
}
