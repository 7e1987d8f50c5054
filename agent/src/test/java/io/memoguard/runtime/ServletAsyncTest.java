package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous servlet request life cycle, with the real javax.servlet interfaces
 * implemented by proxies: a request in async mode leaves the thread but stays open until the
 * container reports the cycle's end (handed-off tasks are HandOffTest's).
 */
class ServletAsyncTest {
  private final RecordingSink sink = new RecordingSink();
  private final List<AsyncListener> listeners = new ArrayList<>();
  private boolean asyncStarted;
  private AsyncContext context;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
  }

  @AfterEach
  void tearDown() {
    RequestScope.restore(null);
    assertThat(sink.errors).isEmpty();
  }

  private HttpServletRequest servletRequest() {
    context = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("addListener")) {
            listeners.add((AsyncListener) args[0]);
          }
          return method.getReturnType() == boolean.class ? false : null;
        });
    return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isAsyncStarted" -> asyncStarted;
          case "getAsyncContext" -> context;
          default -> method.getReturnType() == boolean.class ? false : null;
        });
  }

  private static Request enterRequest() {
    assertThat(RequestScope.enter()).isTrue();
    return RequestScope.current();
  }

  @Test
  void aHandedOffTaskKeepsTheAsyncRequestOpenAfterTheCycleEnds() throws Exception {
    Request request = enterRequest();
    asyncStarted = true;
    Object token = RequestScope.capture();
    ServletAsync.exit(servletRequest());
    listeners.get(0).onComplete(new AsyncEvent(context));
    assertThat(request.isClosed()).as("the task has not run yet").isFalse();
    Object previous = RequestScope.attach(token);
    assertThat(RequestScope.current()).isSameAs(request);
    RequestScope.restore(previous);
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void aSynchronousRequestIsClosedWhenTheServletReturns() {
    Request request = enterRequest();
    ServletAsync.exit(servletRequest());
    assertThat(RequestScope.current()).isNull();
    assertThat(request.isClosed()).isTrue();
    assertThat(listeners).isEmpty();
  }

  @Test
  void anAsyncRequestLeavesTheThreadButStaysOpenUntilTheCycleCompletes() throws Exception {
    Request request = enterRequest();
    asyncStarted = true;
    ServletRequest servletRequest = servletRequest();
    ServletAsync.exit(servletRequest);

    assertThat(RequestScope.current()).as("the pooled thread keeps nothing").isNull();
    assertThat(request.isClosed()).isFalse();
    assertThat(listeners).hasSize(1);

    listeners.get(0).onComplete(new AsyncEvent(context));
    assertThat(request.isClosed()).isTrue();
  }

  @Test
  void errorsAndTimeoutsEndTheRequestToo() throws Exception {
    for (String end : List.of("error", "timeout")) {
      listeners.clear();
      Request request = enterRequest();
      asyncStarted = true;
      ServletAsync.exit(servletRequest());
      AsyncListener listener = listeners.get(0);
      if (end.equals("error")) {
        listener.onError(new AsyncEvent(context));
      } else {
        listener.onTimeout(new AsyncEvent(context));
      }
      assertThat(request.isClosed()).as(end).isTrue();
      listener.onComplete(new AsyncEvent(context));
    }
  }

  @Test
  void aRestartedAsyncCycleKeepsTheListener() throws Exception {
    enterRequest();
    asyncStarted = true;
    HttpServletRequest servletRequest = servletRequest();
    ServletAsync.exit(servletRequest);
    AsyncListener listener = listeners.get(0);
    listener.onStartAsync(new AsyncEvent(servletRequest.getAsyncContext()));
    assertThat(listeners).hasSize(2).allMatch(l -> l == listener);
  }

  @Test
  void aNestedBoundaryDoesNotEndTheRequest() {
    Request request = enterRequest();
    assertThat(RequestScope.enter()).isTrue();
    asyncStarted = true;
    ServletAsync.exit(servletRequest());
    assertThat(RequestScope.current()).isSameAs(request);
    assertThat(listeners).isEmpty();
    ServletAsync.exit(servletRequest());
    assertThat(RequestScope.current()).isNull();
    assertThat(request.isClosed()).isFalse();
  }
}
