package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.agent.instrument.RecordingSink;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HandOff#run} replaces {@code task.run()} inside {@code ThreadPoolExecutor.runWorker},
 * where no advice suppresses anything: whatever fails inside the agent, the task runs, its own
 * exceptions come through unchanged, and nothing of the agent's escapes into the worker loop.
 */
class HandOffFailureTest {
  @AfterEach
  void tearDown() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], new RecordingSink());
    ThreadBindings.set(null);
  }

  @Test
  void theTaskRunsAndNothingEscapesEvenWhenReportingAnInternalErrorFails() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], new ThrowingSink());
    AtomicBoolean ran = new AtomicBoolean();
    Runnable task = () -> ran.set(true);
    // an association the runtime cannot use: begin fails inside, and so does its report
    PendingTasks.put(task, null, false);

    assertThatCode(() -> HandOff.run(task)).doesNotThrowAnyException();
    assertThat(ran).as("the task ran").isTrue();
    assertThat(ThreadBindings.get()).isNull();
  }

  @Test
  void theTasksOwnExceptionComesThroughUnchanged() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], new ThrowingSink());
    IllegalStateException own = new IllegalStateException("the task's own");
    Runnable task = () -> {
      throw own;
    };
    PendingTasks.put(task, null, false);

    assertThatThrownBy(() -> HandOff.run(task)).isSameAs(own);
  }

  @Test
  void anEndWithoutABeginLeavesTheThreadsRequestInPlace() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], new RecordingSink());
    assertThat(RequestScope.enter()).isTrue();
    Request request = RequestScope.current();
    // what a woven doExec()/run(Runnable) exit receives when its enter advice failed (suppressed)
    HandOff.end(null);
    assertThat(RequestScope.current()).as("the request of a task run inline, e.g. a join").isSameAs(request);
    RequestScope.exit();
    assertThat(request.isClosed()).isTrue();
    assertThat(ThreadBindings.get()).isNull();
  }

  private static final class ThrowingSink implements EventSink {
    @Override
    public void internalError(String where, Throwable error) {
      throw new IllegalStateException("the sink failed too");
    }

    @Override
    public void mutation(String f, String s, String v, String e, int c, String a) {}

    @Override
    public void lateMutation(String p, String e, String d, int c, String a) {}

    @Override
    public void notice(String message) {}
  }
}
