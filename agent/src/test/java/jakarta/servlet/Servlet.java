package jakarta.servlet;

/** Test stand-in: its class file tells the agent that a loader sees the Servlet API. */
public interface Servlet {
}
