package io.memoguard.agent.jmx;

import io.memoguard.agent.report.AgentLog;
import io.memoguard.agent.report.CandidatesReport;
import io.memoguard.agent.report.Counters;
import io.memoguard.agent.report.LogEventSink;
import io.memoguard.runtime.MethodStats;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers {@code io.memoguard:type=Stats} and one {@code io.memoguard:type=Method,name=Class.method}
 * per memoized method as it is first called. Runs on its own daemon thread: the platform MBean
 * server loads many classes, which neither premain nor a host thread should pay for.
 */
public final class StatsPublisher implements Runnable {
  public static final String DOMAIN = "io.memoguard";

  private final AgentLog log;
  private final CandidatesReport candidates;

  private StatsPublisher(AgentLog log, CandidatesReport candidates) {
    this.log = log;
    this.candidates = candidates;
  }

  /**
   * Starts the publishing thread.
   *
   * @param candidates published as {@code io.memoguard:type=Candidates} too, unless null
   */
  public static void start(AgentLog log, CandidatesReport candidates) {
    Thread thread = new Thread(new StatsPublisher(log, candidates), "memoguard-jmx");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      register(server, new ObjectName(DOMAIN + ":type=Stats"),
          new CounterMBean("memoguard totals", Counters.totals()));
      if (candidates != null) {
        CandidatesMXBean report = candidates::text;
        register(server, new ObjectName(DOMAIN + ":type=Candidates"), report);
      }
      for (;;) {
        MethodStats method = MethodStats.awaitNew();
        register(server, methodName(method.name),
            new CounterMBean("memoguard counters of " + method.name, Counters.of(method)));
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    } catch (Throwable failure) {
      log.warn("JMX counters are not published (" + failure.getClass().getName()
          + LogEventSink.agentFrame(failure) + "); logs and the exit summary still have them");
    }
  }

  static ObjectName methodName(String method) throws javax.management.MalformedObjectNameException {
    return new ObjectName(DOMAIN + ":type=Method,name=" + quoteIfNeeded(method));
  }

  /** Java names need no quoting; a hostile class name with JMX's special characters gets it. */
  private static String quoteIfNeeded(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (",=:\"*?\\\n".indexOf(value.charAt(i)) >= 0) {
        return ObjectName.quote(value);
      }
    }
    return value;
  }

  private void register(MBeanServer server, ObjectName name, Object bean) {
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (Exception failure) {
      log.warn("could not register MBean " + name + " (" + failure.getClass().getName() + ")");
    }
  }
}
