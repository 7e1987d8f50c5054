package io.memoguard.agent.instrument;

import io.memoguard.runtime.OnMutation;
import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up of the tests that run guarded classes against the barrier: {@link #DOMAIN} is the
 * guarded package, every test runs inside one request and ends with no agent error reported.
 */
abstract class BarrierTestSupport {
  static final String DOMAIN = "io.memoguard.testdomain";
  /** Classes that write to the domain's fields, rewritten with it. */
  static final String WRITERS = "io.memoguard.testwriters";

  final RecordingSink sink = new RecordingSink();
  private boolean inRequest;

  @BeforeEach
  void configureAndEnterRequest() {
    configure(OnMutation.INVALIDATE);
    inRequest = RequestScope.enter();
  }

  @AfterEach
  void exitRequestWithoutErrors() {
    endRequest();
    assertThat(sink.errors).isEmpty();
  }

  /** The global {@code on-mutation}. */
  void configure(OnMutation mode) {
    Settings.configure(mode, 1000, 10_000, new String[] {DOMAIN}, sink);
  }

  /** Ends the test's request before the test does. */
  void endRequest() {
    if (inRequest) {
      RequestScope.exit();
      inRequest = false;
    }
  }
}
