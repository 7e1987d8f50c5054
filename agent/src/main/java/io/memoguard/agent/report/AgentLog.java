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
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.spi.LoggingEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The agent's own logging: a private Logback context configured in code. It never runs Logback's
 * auto-configuration, so neither the host's {@code logback.xml} nor its system properties configure
 * the agent, and the host's SLF4J binding never sees the agent's (relocated) copy.
 *
 * <p>Every line the agent writes passes through {@link #clean(String)} here, the one choke point:
 * callers build messages from class, method and field names, file names and parser messages, any
 * of which a hostile host can fill with line breaks, so no caller can forge a second line or write
 * an unbounded one, whatever it passes.
 */
public final class AgentLog {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [memoguard] %-5level %msg%n";
  public static final String TEXT = "text";
  public static final String JSON = "json";
  /** The longest message written; the rest is replaced by a count of what was cut. */
  public static final int MAX_MESSAGE_CHARS = 1_000;

  private final LoggerContext context;
  private final Logger logger;
  /** Event fields are written only where they can be told apart from the message. */
  private final boolean json;

  private AgentLog(LoggerContext context, Logger logger, boolean json) {
    this.context = context;
    this.logger = logger;
    this.json = json;
  }

  /** Logs to standard error at INFO: used before (or instead of) a valid configuration. */
  public static AgentLog toStandardError() {
    return create("info", null);
  }

  /**
   * @param level trace, debug, info, warn or error
   * @param file the log file, or null for standard error
   * @throws UncheckedIOException when the file cannot be opened for appending
   */
  public static AgentLog create(String level, String file) {
    return create(level, file, TEXT);
  }

  /** @param format {@link #TEXT} or {@link #JSON} (one object per line) */
  public static AgentLog create(String level, String file, String format) {
    LoggerContext context = new LoggerContext();
    context.setName("memoguard");
    // normally installed by Logback's SLF4J provider, which the agent deliberately never runs
    context.setMDCAdapter(new LogbackMDCAdapter());
    boolean json = JSON.equals(format);
    Encoder<ILoggingEvent> encoder;
    if (json) {
      JsonLayout layout = new JsonLayout();
      layout.setContext(context);
      layout.start();
      LayoutWrappingEncoder<ILoggingEvent> wrapping = new LayoutWrappingEncoder<>();
      wrapping.setContext(context);
      wrapping.setLayout(layout);
      encoder = wrapping;
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setContext(context);
      pattern.setPattern(PATTERN);
      encoder = pattern;
    }
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
    if (!appender.isStarted()) {
      // Logback reports a failed open only to its status manager, which nobody reads here
      context.stop();
      throw new UncheckedIOException(new IOException("cannot open " + file + " for appending"));
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(Level.toLevel(level, Level.INFO));
    context.start();
    return new AgentLog(context, context.getLogger("memoguard"), json);
  }

  public void error(String message) {
    logger.error(clean(message));
  }

  public void warn(String message) {
    logger.warn(clean(message));
  }

  public void info(String message) {
    logger.info(clean(message));
  }

  /**
   * A line that stands for an event with fields of its own (a mutation, the summary's counters):
   * in JSON each field is a key of the object; in text the message already says it all.
   *
   * @param fields names and values, alternating; values are strings (cleaned here) or numbers
   */
  public void event(boolean warn, String message, Object... fields) {
    if (!json) {
      if (warn) {
        warn(message);
      } else {
        info(message);
      }
      return;
    }
    LoggingEventBuilder builder = warn ? logger.atWarn() : logger.atInfo();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      Object value = fields[i + 1];
      builder = builder.addKeyValue(String.valueOf(fields[i]),
          value instanceof Long || value instanceof Integer ? value : clean(String.valueOf(value)));
    }
    builder.log(clean(message));
  }

  public void debug(String message) {
    if (logger.isDebugEnabled()) {
      logger.debug(clean(message));
    }
  }

  public boolean isDebugEnabled() {
    return logger.isDebugEnabled();
  }

  /** Flushes and closes the appender; called from the shutdown hook after the summary. */
  public void stop() {
    context.stop();
  }

  /**
   * The message as one bounded line: line and paragraph separators and every control character
   * (CR, LF, NEL, tab, ESC...) become a space, and text beyond {@link #MAX_MESSAGE_CHARS} is cut
   * (never inside a surrogate pair) and replaced by how much was cut.
   */
  public static String clean(String message) {
    String s = String.valueOf(message);
    int keep = s.length();
    if (keep > MAX_MESSAGE_CHARS) {
      keep = MAX_MESSAGE_CHARS;
      if (Character.isHighSurrogate(s.charAt(keep - 1))) {
        keep--;
      }
    }
    StringBuilder out = null;
    for (int i = 0; i < keep; i++) {
      char c = s.charAt(i);
      if (breaksLine(c)) {
        if (out == null) {
          out = new StringBuilder(keep + 40).append(s, 0, i);
        }
        out.append(' ');
      } else if (out != null) {
        out.append(c);
      }
    }
    if (out == null && keep == s.length()) {
      return s;
    }
    if (out == null) {
      out = new StringBuilder(keep + 40).append(s, 0, keep);
    }
    if (keep < s.length()) {
      out.append("... (").append(s.length() - keep).append(" more characters)");
    }
    return out.toString();
  }

  private static boolean breaksLine(char c) {
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
