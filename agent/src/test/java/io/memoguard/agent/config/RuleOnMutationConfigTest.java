package io.memoguard.agent.config;

import io.memoguard.runtime.OnMutation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code on-mutation} on a memoize rule: parsed per rule, absent means the global setting. */
class RuleOnMutationConfigTest extends ConfigFileTestSupport {

  @Test
  void eachRuleKeepsItsOwnModeAndRulesWithoutOneInherit() throws ConfigException {
    AgentConfig config = load("""
        on-mutation: log
        memoize:
          - class: com.acme.Strict
            on-mutation: fail
          - class: com.acme.Lenient
            methods: [get*]
            on-mutation: INVALIDATE
          - class: com.acme.Plain
        """);

    assertThat(config.onMutation()).isEqualTo(OnMutation.LOG);
    assertThat(config.memoize()).extracting(MemoRule::onMutation)
        .containsExactly(OnMutation.FAIL, OnMutation.INVALIDATE, null);
    assertThat(config.memoize().get(0).methods()).isEqualTo(AgentConfig.DEFAULT_READ_METHODS);
  }

  @Test
  void unknownValueIsReportedAtTheValue() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            on-mutation: explode
        """, 3, 18, "'on-mutation' must be invalidate, log or fail, found an unknown value");
  }

  @Test
  void wrongTypeIsNamed() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            on-mutation: [fail]
        """, 3, 18, "'on-mutation' must be invalidate, log or fail, found a list");
  }

  @Test
  void emptyValuePointsAtTheKey() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            on-mutation:
        """, 3, 5, "'on-mutation' must be invalidate, log or fail, found null");
  }

  @Test
  void duplicateKeyInARule() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            on-mutation: log
            on-mutation: fail
        """, 4, 5, "duplicate key 'on-mutation'");
  }

  @Test
  void notAllowedOnInvalidateRules() {
    assertError("""
        invalidate:
          - class: com.acme.Foo
            methods: [save*]
            on-mutation: fail
        """, 4, 5,
        "unknown key 'on-mutation' (expected one of: class, implements, annotated, methods, clears)");
  }

  @Test
  void valueIsNotEchoed() {
    ConfigException e = loadFails("""
        memoize:
          - class: com.acme.Foo
            on-mutation: s3cr3t-value
        """);
    assertThat(e.getMessage()).doesNotContain("s3cr3t");
  }
}
