package io.memoguard.agent;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.ConfigException;
import io.memoguard.agent.config.ConfigLoader;
import io.memoguard.agent.config.ConfigLocator;
import io.memoguard.agent.report.AgentLog;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The agent's entry point. Whatever goes wrong here (no configuration, a bad one, a failure to
 * install), the host starts normally: the problem is logged as one ERROR line and the agent stays
 * out of the way. This class must not touch the runtime package before it has been put on the
 * bootstrap class path, hence the separate {@link Installer}.
 */
public final class MemoguardAgent {
  private static final String DISABLED = "; memoguard is disabled, the application runs without it";
  private static volatile boolean started;

  private MemoguardAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  private static synchronized void start(String args, Instrumentation inst, boolean lateAttach) {
    if (started) {
      return;
    }
    started = true;
    long premainStart = System.nanoTime();
    AgentLog bootLog = null;
    try {
      bootLog = AgentLog.toStandardError();
      Optional<Path> location = ConfigLocator.ofSystem().locate(args);
      if (location.isEmpty()) {
        bootLog.error("no configuration given: pass -javaagent:memoguard-agent.jar=config=PATH, "
            + "-Dmemoguard.config=PATH or MEMOGUARD_CONFIG" + DISABLED);
        return;
      }
      AgentConfig config = ConfigLoader.load(location.get());
      AgentLog log = AgentLog.create(config.logLevel(), config.logFile());
      BootstrapInjector.inject(inst);
      Installer.install(config, inst, log, premainStart, lateAttach);
    } catch (ConfigException bad) {
      bootLog.error(bad.getMessage() + DISABLED);
    } catch (Throwable failure) {
      String message = "failed to start (" + failure + ")" + DISABLED;
      if (bootLog != null) {
        bootLog.error(message);
      } else {
        System.err.println("[memoguard] ERROR " + message);
      }
    }
  }
}
