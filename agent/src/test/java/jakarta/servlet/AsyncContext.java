package jakarta.servlet;

/** Test stand-in for the Servlet API type the agent matches by name. */
public interface AsyncContext {
  void start(Runnable run);
}
