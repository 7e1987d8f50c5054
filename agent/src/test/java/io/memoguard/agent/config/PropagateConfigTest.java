package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code requests.propagate}: carry a request into work handed to other threads, on by default. */
class PropagateConfigTest extends ConfigFileTestSupport {

  @Test
  void onWhenAbsent() throws ConfigException {
    assertThat(load("memoize: []\n").propagate()).isTrue();
    assertThat(load("requests:\n  max-entries: 5\n").propagate()).isTrue();
  }

  @Test
  void explicitValues() throws ConfigException {
    assertThat(load("requests:\n  propagate: false\n").propagate()).isFalse();
    assertThat(load("requests:\n  propagate: FALSE\n").propagate()).isFalse();
    assertThat(load("requests:\n  propagate: true\n").propagate()).isTrue();
  }

  @Test
  void aStringIsNotABoolean() {
    assertError("""
        requests:
          propagate: "no"
        """, 2, 14, "'propagate' must be true or false, found a string");
    assertError("""
        requests:
          propagate: off
        """, 2, 14, "'propagate' must be true or false, found a string");
  }

  @Test
  void otherTypesAreNamed() {
    assertError("""
        requests:
          propagate: [true]
        """, 2, 14, "'propagate' must be true or false, found a list");
    assertError("""
        requests:
          propagate: 1
        """, 2, 14, "'propagate' must be true or false, found an integer");
  }

  @Test
  void emptyValuePointsAtTheKey() {
    assertError("""
        requests:
          propagate:
        """, 2, 3, "'propagate' must be true or false, found null");
  }
}
