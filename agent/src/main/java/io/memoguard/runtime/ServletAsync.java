package io.memoguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Servlet requests that go on asynchronously ({@code startAsync}): when the outermost servlet
 * boundary returns with the request in asynchronous mode, the request leaves the thread (pooled
 * threads keep nothing) but the boundary's reference on it is kept until the container reports the
 * asynchronous cycle's end to an {@code AsyncListener}. Work handed off meanwhile (see
 * {@link HandOff}) holds references of its own, so the request ends when both are over. The
 * servlet API (javax or jakarta) is reached by reflection: this class is on the bootstrap class
 * path.
 */
public final class ServletAsync {
  private ServletAsync() {}

  /** Replaces {@link RequestScope#exit()} at the exit of a servlet boundary. */
  public static void exit(Object servletRequest) {
    try {
      if (servletRequest != null && RequestScope.atOutermostBoundary()) {
        ServletApi api = ServletApi.of(servletRequest.getClass());
        if (api != null && api.isAsyncStarted(servletRequest)) {
          Request request = RequestScope.detachOutermost();
          if (!api.releaseOnCompletion(servletRequest, request)) {
            request.release();
          }
          return;
        }
      }
    } catch (Throwable error) {
      Settings.sink.internalError("async request end", error);
    }
    RequestScope.exit();
  }

  /** Gives back the boundary's reference once, at the first end event of its asynchronous cycle. */
  static final class AsyncEnd implements InvocationHandler {
    private final Request request;
    private final ServletApi api;
    private final AtomicBoolean ended = new AtomicBoolean();

    AsyncEnd(Request request, ServletApi api) {
      this.request = request;
      this.api = api;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      try {
        switch (method.getName()) {
          case "onComplete", "onError", "onTimeout" -> {
            if (ended.compareAndSet(false, true)) {
              request.release();
            }
          }
          // a new startAsync on the same request drops the listeners; stay registered
          case "onStartAsync" -> api.addListener(api.asyncContextOf(args[0]), proxy);
          case "equals" -> {
            return proxy == args[0];
          }
          case "hashCode" -> {
            return System.identityHashCode(proxy);
          }
          case "toString" -> {
            return "memoguard request end";
          }
          default -> { }
        }
      } catch (Throwable error) {
        Settings.sink.internalError("async request end", error);
      }
      return null;
    }
  }

  /** The reflective handles of one servlet API generation, found from a request class. */
  static final class ServletApi {
    private static final ServletApi NONE = new ServletApi(null, null, null, null, null);
    private static final ClassValue<ServletApi> BY_REQUEST_CLASS = new ClassValue<>() {
      @Override
      protected ServletApi computeValue(Class<?> type) {
        try {
          return find(type);
        } catch (Throwable error) {
          Settings.sink.internalError("servlet API lookup", error);
          return NONE;
        }
      }
    };

    private final Method isAsyncStarted;
    private final Method getAsyncContext;
    private final Method addListener;
    private final Method eventAsyncContext;
    private final Class<?> listenerType;

    private ServletApi(Method isAsyncStarted, Method getAsyncContext, Method addListener,
        Method eventAsyncContext, Class<?> listenerType) {
      this.isAsyncStarted = isAsyncStarted;
      this.getAsyncContext = getAsyncContext;
      this.addListener = addListener;
      this.eventAsyncContext = eventAsyncContext;
      this.listenerType = listenerType;
    }

    /** The API of a request class, or null if it implements no ServletRequest. */
    static ServletApi of(Class<?> requestClass) {
      ServletApi api = BY_REQUEST_CLASS.get(requestClass);
      return api == NONE ? null : api;
    }

    private static ServletApi find(Class<?> type) throws ReflectiveOperationException {
      Class<?> request = servletRequestInterface(type);
      if (request == null) {
        return NONE;
      }
      // the interfaces' methods, not the class's: a request wrapper class may be non-public
      String prefix = request.getName().substring(0, request.getName().length() - "ServletRequest".length());
      ClassLoader loader = request.getClassLoader();
      Class<?> context = Class.forName(prefix + "AsyncContext", false, loader);
      Class<?> listener = Class.forName(prefix + "AsyncListener", false, loader);
      Class<?> event = Class.forName(prefix + "AsyncEvent", false, loader);
      return new ServletApi(request.getMethod("isAsyncStarted"), request.getMethod("getAsyncContext"),
          context.getMethod("addListener", listener), event.getMethod("getAsyncContext"), listener);
    }

    private static Class<?> servletRequestInterface(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Class<?> i : c.getInterfaces()) {
          if (i.getName().equals("jakarta.servlet.ServletRequest") || i.getName().equals("javax.servlet.ServletRequest")) {
            return i;
          }
          Class<?> inherited = servletRequestInterface(i);
          if (inherited != null) {
            return inherited;
          }
        }
      }
      return null;
    }

    boolean isAsyncStarted(Object request) {
      try {
        return (Boolean) isAsyncStarted.invoke(request);
      } catch (Throwable error) {
        Settings.sink.internalError("async request check", error);
        return false;
      }
    }

    /** Registers the request's end listener; false if that is not possible (release now, then). */
    boolean releaseOnCompletion(Object servletRequest, Request request) {
      try {
        Object context = getAsyncContext.invoke(servletRequest);
        Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
            new AsyncEnd(request, this));
        addListener(context, listener);
        return true;
      } catch (Throwable error) {
        // e.g. the cycle already ended: the container refuses new listeners then
        return false;
      }
    }

    void addListener(Object asyncContext, Object listener) throws ReflectiveOperationException {
      addListener.invoke(asyncContext, listener);
    }

    Object asyncContextOf(Object event) throws ReflectiveOperationException {
      return eventAsyncContext.invoke(event);
    }
  }
}
