package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.Settings;
import org.junit.jupiter.api.Test;

/** {@code park} and {@code park-timeout-ms} on a memoize rule. */
class ParkConfigTest extends ConfigFileTestSupport {

  @Test
  void parkWithAndWithoutTimeout() throws ConfigException {
    AgentConfig config = load("""
        memoize:
          - class: com.acme.Rates
            park: true
          - class: com.acme.Reports
            park: true
            park-timeout-ms: 250
          - class: com.acme.Plain
          - class: com.acme.Off
            park: false
        """);

    assertThat(config.memoize()).extracting(MemoRule::parkMillis)
        .containsExactly(Settings.DEFAULT_WAIT_MILLIS, 250, 0, 0);
    assertThat(config.memoize()).extracting(MemoRule::parks).containsExactly(true, true, false, false);
  }

  @Test
  void parkMustBeABoolean() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            park: yes
        """, 3, 11, "'park' must be true or false, found a string");
  }

  @Test
  void emptyParkPointsAtTheKey() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            park:
        """, 3, 5, "'park' must be true or false, found null");
  }

  @Test
  void timeoutWithoutParkIsAMistake() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            park-timeout-ms: 100
        """, 3, 5, "'park-timeout-ms' needs 'park: true' in the same rule");
    assertError("""
        memoize:
          - class: com.acme.Foo
            park: false
            park-timeout-ms: 100
        """, 4, 5, "'park-timeout-ms' needs 'park: true' in the same rule");
  }

  @Test
  void timeoutMustBeAPositiveInteger() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            park: true
            park-timeout-ms: 0
        """, 4, 22, "'park-timeout-ms' must be a positive integer, found zero");
    assertError("""
        memoize:
          - class: com.acme.Foo
            park: true
            park-timeout-ms: 5s
        """, 4, 22, "'park-timeout-ms' must be a positive integer, found a string");
  }

  @Test
  void timeoutHasAnUpperBound() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            park: true
            park-timeout-ms: 600001
        """, 4, 22, "'park-timeout-ms' must be at most 600000 (10 minutes)");
  }

  @Test
  void notAllowedOnInvalidateRules() {
    assertError("""
        invalidate:
          - class: com.acme.Foo
            methods: [save*]
            park: true
        """, 4, 5,
        "unknown key 'park' (expected one of: class, implements, annotated, methods, clears)");
  }

  @Test
  void unknownKeyListsTheParkOptions() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            parking: true
        """, 3, 5, "unknown key 'parking' (expected one of: class, implements, annotated, methods,"
            + " on-mutation, mode, park, park-timeout-ms)");
  }
}
