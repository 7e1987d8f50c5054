package io.memoguard.agent.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * The agent's own logging: a private Logback context configured in code. It never runs Logback's
 * auto-configuration, so neither the host's {@code logback.xml} nor its system properties configure
 * the agent, and the host's SLF4J binding never sees the agent's (relocated) copy.
 */
public final class AgentLog {
  static final String PATTERN = "%d{HH:mm:ss.SSS} [memoguard] %-5level %msg%n";

  private final LoggerContext context;
  private final Logger logger;

  private AgentLog(LoggerContext context, Logger logger) {
    this.context = context;
    this.logger = logger;
  }

  /** Logs to standard error at INFO: used before (or instead of) a valid configuration. */
  public static AgentLog toStandardError() {
    return create("info", null);
  }

  /**
   * @param level trace, debug, info, warn or error
   * @param file the log file, or null for standard error
   */
  public static AgentLog create(String level, String file) {
    LoggerContext context = new LoggerContext();
    context.setName("memoguard");
    // normally installed by Logback's SLF4J provider, which the agent deliberately never runs
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender;
    if (file == null) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.err");
      appender = console;
    } else {
      FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
      fileAppender.setFile(file);
      fileAppender.setAppend(true);
      appender = fileAppender;
    }
    appender.setContext(context);
    appender.setName("memoguard");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(Level.toLevel(level, Level.INFO));
    context.start();
    return new AgentLog(context, context.getLogger("memoguard"));
  }

  public void error(String message) {
    logger.error(message);
  }

  public void warn(String message) {
    logger.warn(message);
  }

  public void info(String message) {
    logger.info(message);
  }

  public void debug(String message) {
    logger.debug(message);
  }

  public boolean isDebugEnabled() {
    return logger.isDebugEnabled();
  }

  /** Flushes and closes the appender; called from the shutdown hook after the summary. */
  public void stop() {
    context.stop();
  }
}
