package io.memoguard.agent.config;

import io.memoguard.runtime.Mode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mode} (global and per memoize rule) and {@code jdbc.clear-on-write}. */
class ModeAndJdbcConfigTest extends ConfigFileTestSupport {

  @Test
  void defaultsAreMemoizeAndTheSafetyNetOn() throws ConfigException {
    AgentConfig config = load("""
        memoize:
          - class: com.acme.Plain
        """);
    assertThat(config.mode()).isEqualTo(Mode.MEMOIZE);
    assertThat(config.clearOnJdbcWrite()).isTrue();
    assertThat(config.memoize().get(0).mode()).isNull();
  }

  @Test
  void globalAndPerRuleModes() throws ConfigException {
    AgentConfig config = load("""
        mode: verify
        memoize:
          - class: com.acme.Checked
          - class: com.acme.Trusted
            mode: memoize
          - class: com.acme.Doubtful
            mode: VERIFY
        jdbc:
          clear-on-write: false
        """);
    assertThat(config.mode()).isEqualTo(Mode.VERIFY);
    assertThat(config.memoize()).extracting(MemoRule::mode)
        .containsExactly(null, Mode.MEMOIZE, Mode.VERIFY);
    assertThat(config.clearOnJdbcWrite()).isFalse();
  }

  @Test
  void emptyJdbcSectionKeepsTheDefault() throws ConfigException {
    assertThat(load("jdbc:\n").clearOnJdbcWrite()).isTrue();
  }

  @Test
  void unknownModeIsReportedAtTheValue() {
    assertError("""
        mode: shadow
        """, 1, 7, "'mode' must be memoize or verify, found an unknown value");
    assertError("""
        memoize:
          - class: com.acme.Foo
            mode: dry-run
        """, 3, 11, "'mode' must be memoize or verify, found an unknown value");
  }

  @Test
  void modeIsNotAllowedOnInvalidateRules() {
    assertError("""
        invalidate:
          - class: com.acme.Foo
            methods: [save*]
            mode: verify
        """, 4, 5,
        "unknown key 'mode' (expected one of: class, implements, annotated, methods, clears)");
  }

  @Test
  void clearOnWriteMustBeABoolean() {
    assertError("""
        jdbc:
          clear-on-write: sometimes
        """, 2, 19, "'clear-on-write' must be true or false, found a string");
    assertError("""
        jdbc:
          clear-on-write:
        """, 2, 3, "'clear-on-write' must be true or false, found null");
  }

  @Test
  void unknownJdbcKey() {
    assertError("""
        jdbc:
          clear-on-read: true
        """, 2, 3, "unknown key 'clear-on-read' (expected one of: clear-on-write)");
  }

  @Test
  void jdbcMustBeAMap() {
    assertError("""
        jdbc: [clear-on-write]
        """, 1, 7, "'jdbc' must be a map, found a list");
  }
}
