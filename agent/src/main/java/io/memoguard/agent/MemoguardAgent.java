package io.memoguard.agent;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.ConfigException;
import io.memoguard.agent.config.ConfigLoader;
import io.memoguard.agent.config.ConfigLocator;
import io.memoguard.agent.report.AgentLog;
import java.io.UncheckedIOException;
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
  /** Set once installation begins: a start that failed before (no or bad configuration) may be retried. */
  private static volatile boolean started;
  /** Where the running agent logs, to answer a second attach. */
  private static AgentLog running;
  private static String runningSource;
  private static boolean installFailed;
  private static boolean injected;

  private MemoguardAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  private static synchronized void start(String args, Instrumentation inst, boolean lateAttach) {
    if (started) {
      alreadyRunning();
      return;
    }
    long premainStart = System.nanoTime();
    Path configFile = null;
    try {
      ConfigLocator locator = ConfigLocator.ofSystem();
      Optional<Path> location = locator.locate(args);
      if (location.isEmpty()) {
        // errors before the agent's own log exists reach standard error at once, through a log
        // set up only then: a start without errors does not pay for it
        startError("no configuration given: pass -javaagent:memoguard-agent.jar=config=PATH, "
            + "-Dmemoguard.config=PATH or MEMOGUARD_CONFIG" + DISABLED);
        return;
      }
      configFile = location.get();
      // before loading: the configuration binds to runtime types (OnMutation, Mode), which must
      // come from the boot class path; loaded earlier, they would be the system loader's copies
      if (!injected) {
        // a start retried after a bad configuration finds the runtime there already
        BootstrapInjector.inject(inst);
        injected = true;
      }
      AgentConfig config = ConfigLoader.load(configFile);
      String level = locator.logLevel(config.logLevel());
      AgentLog log;
      if (lateAttach) {
        try {
          log = AgentLog.create(level, config.logFile(), config.logFormat());
        } catch (UncheckedIOException unusable) {
          // the loader checked the file already; this is a race with whoever changed it since
          startError(configFile + ": log.file " + config.logFile()
              + " cannot be opened for appending" + DISABLED);
          return;
        }
      } else {
        // set up on a thread of its own, off premain (the loader checked log.file already)
        log = AgentLog.deferred(level, config.logFile(), config.logFormat());
      }
      // from here on transformers change the JVM: no second installation
      started = true;
      running = log;
      runningSource = String.valueOf(configFile);
      try {
        Installer.install(config, inst, log, premainStart, lateAttach);
      } finally {
        log.begin();
      }
    } catch (ConfigException bad) {
      startError(bad.getMessage() + DISABLED);
    } catch (Throwable failure) {
      installFailed = started;
      // the class and the agent's own frame only: a message may carry host text and line breaks
      startError((configFile == null ? "" : configFile + ": ") + "failed to start ("
          + failure.getClass().getName() + agentFrame(failure) + ")" + DISABLED);
    }
  }

  private static void startError(String message) {
    try {
      AgentLog.toStandardError().error(message);
    } catch (Throwable unusable) {
      System.err.println("[memoguard] ERROR " + oneLine(message));
    }
  }

  private static void alreadyRunning() {
    try {
      AgentLog log = running != null ? running : AgentLog.toStandardError();
      if (installFailed) {
        log.error("memoguard failed while installing itself earlier in this JVM (configuration "
            + runningSource + "); it cannot be installed twice: restart the JVM to try again");
      } else {
        log.info("memoguard is already running in this JVM (configuration " + runningSource
            + "); this start request changes nothing");
      }
    } catch (Throwable ignored) {
      // nothing to add: the running agent is untouched
    }
  }

  /** Where in the agent the failure happened, e.g. " at io.memoguard.agent.Installer.install". */
  static String agentFrame(Throwable failure) {
    try {
      for (StackTraceElement frame : failure.getStackTrace()) {
        if (frame.getClassName().startsWith("io.memoguard.")) {
          return " at " + frame.getClassName() + "." + frame.getMethodName();
        }
      }
    } catch (Throwable ignored) {
      // no frame then
    }
    return "";
  }

  /** For when the logger itself could not be set up; AgentLog.clean does this for every line. */
  private static String oneLine(String message) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < message.length() && i < 1_000; i++) {
      char c = message.charAt(i);
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return out.toString();
  }
}
