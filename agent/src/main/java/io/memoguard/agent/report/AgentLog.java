package io.memoguard.agent.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.event.KeyValuePair;
import org.slf4j.spi.LoggingEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

  /** Lines kept while Logback is being set up; more are counted and the count logged. */
  static final int MAX_PENDING = 1_000;

  /** Null while a {@linkplain #deferred deferred} set-up runs; then set once, under {@link #pending}. */
  private volatile LoggerContext context;
  private volatile Logger logger;
  /** Event fields are written only where they can be told apart from the message. */
  private final boolean json;
  /** Known before Logback is: lines below it are not even kept. */
  private final Level threshold;
  /** Lines written before the set-up ended, in order; guards the hand-over too. */
  private final List<Pending> pending = new ArrayList<>();
  private int dropped;
  /** The set-up thread, joined before the last lines are flushed. */
  private Thread setUp;
  /** The set-up failed: lines go to standard error as plain text. */
  private volatile boolean plain;

  private AgentLog(LoggerContext context, Logger logger, boolean json, Level threshold) {
    this.context = context;
    this.logger = logger;
    this.json = json;
    this.threshold = threshold;
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
    LoggerContext context = configure(level, file, format);
    return new AgentLog(context, context.getLogger("memoguard"), JSON.equals(format),
        Level.toLevel(level, Level.INFO));
  }

  /**
   * Like {@link #create}, but Logback is set up on a daemon thread (its 350 classes take 0.1-0.3 s,
   * which premain should not spend): lines written meanwhile are kept (at most
   * {@link #MAX_PENDING}) and written with their own time once it is ready, and {@link #stop}
   * waits for it. A log file that can no longer be opened by then (the configuration was checked
   * moments before) makes the log go to standard error, which its first line says. The set-up
   * begins at {@link #begin}: started at once, it would load its classes from the agent jar while
   * premain loads its own from the same jar, and on two cores share them with premain too.
   */
  public static AgentLog deferred(String level, String file, String format) {
    AgentLog log = unready(level, format);
    Thread thread = new Thread(() -> log.setUp(level, file, format), "memoguard-log");
    thread.setDaemon(true);
    log.setUp = thread;
    return log;
  }

  /** Starts a {@linkplain #deferred deferred} set-up; does nothing for any other log, or twice. */
  public synchronized void begin() {
    Thread thread = setUp;
    if (thread != null && thread.getState() == Thread.State.NEW) {
      thread.start();
    }
  }

  /** A log that keeps its lines until {@link #setUp} ends. */
  static AgentLog unready(String level, String format) {
    return new AgentLog(null, null, JSON.equals(format), Level.toLevel(level, Level.INFO));
  }

  void setUp(String level, String file, String format) {
    LoggerContext built;
    String fallback = null;
    try {
      try {
        built = configure(level, file, format);
      } catch (UncheckedIOException unusable) {
        built = configure(level, null, format);
        fallback = "log.file " + file + " cannot be opened for appending; the agent logs to"
            + " standard error instead";
      }
    } catch (Throwable failure) {
      synchronized (pending) {
        plain = true;
        pending.forEach(line -> printPlain(line.level, line.message));
        pending.clear();
      }
      printPlain(Level.ERROR, "the agent's log could not be set up (" + failure.getClass().getName()
          + "); its lines go to standard error as plain text");
      return;
    }
    Logger ready = built.getLogger("memoguard");
    warm(ready);
    synchronized (pending) {
      if (fallback != null) {
        ready.error(clean(fallback));
      }
      for (Pending line : pending) {
        replay(ready, line);
      }
      if (dropped > 0) {
        ready.warn(dropped + " line(s) of the agent's start-up were dropped (more than "
            + MAX_PENDING + " while its log was being set up)");
      }
      pending.clear();
      context = built;
      logger = ready;
    }
  }

  /**
   * Runs the encoder once on a line that is thrown away. The first line through Logback finds its
   * encoder's code cold (10-30 ms); paid here, on the set-up thread, it is not paid by whichever
   * thread writes the first line, often premain with its last one.
   */
  private void warm(Logger ready) {
    try {
      Appender<ILoggingEvent> appender = ready.getLoggerContext()
          .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("memoguard");
      if (appender instanceof OutputStreamAppender) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), ready, Level.INFO,
            "warm-up", null, null);
        if (json) {
          event.addKeyValuePair(new KeyValuePair("warm-up", 0));
        }
        ((OutputStreamAppender<ILoggingEvent>) appender).getEncoder().encode(event);
      }
    } catch (RuntimeException | LinkageError ignored) {
      // only the first line is slower then
    }
  }

  private void replay(Logger ready, Pending line) {
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), ready, line.level, line.message,
        null, null);
    event.setTimeStamp(line.millis);
    if (json) {
      for (int i = 0; i + 1 < line.fields.length; i += 2) {
        event.addKeyValuePair(new KeyValuePair(String.valueOf(line.fields[i]), line.fields[i + 1]));
      }
    }
    ready.callAppenders(event);
  }

  private static LoggerContext configure(String level, String file, String format) {
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
    return context;
  }

  public void error(String message) {
    Logger ready = readyFor(Level.ERROR, message, NO_FIELDS);
    if (ready != null) {
      ready.error(clean(message));
    }
  }

  public void warn(String message) {
    Logger ready = readyFor(Level.WARN, message, NO_FIELDS);
    if (ready != null) {
      ready.warn(clean(message));
    }
  }

  public void info(String message) {
    Logger ready = readyFor(Level.INFO, message, NO_FIELDS);
    if (ready != null) {
      ready.info(clean(message));
    }
  }

  /**
   * The logger when Logback is ready; otherwise the line is kept (or printed, when the set-up
   * failed) and null is returned.
   */
  private Logger readyFor(Level level, String message, Object[] fields) {
    Logger ready = logger;
    if (ready != null) {
      return ready;
    }
    if (!plain) {
      synchronized (pending) {
        ready = logger;
        if (ready != null) {
          return ready;
        }
        if (!plain) {
          if (level.isGreaterOrEqual(threshold)) {
            if (pending.size() < MAX_PENDING) {
              pending.add(new Pending(System.currentTimeMillis(), level, clean(message),
                  cleanFields(fields)));
            } else {
              dropped++;
            }
          }
          return null;
        }
      }
    }
    if (level.isGreaterOrEqual(threshold)) {
      printPlain(level, clean(message));
    }
    return null;
  }

  private static Object[] cleanFields(Object[] fields) {
    Object[] cleaned = fields.clone();
    for (int i = 1; i < cleaned.length; i += 2) {
      Object value = cleaned[i];
      cleaned[i] = value instanceof Long || value instanceof Integer ? value
          : clean(String.valueOf(value));
    }
    return cleaned;
  }

  private static void printPlain(Level level, String message) {
    System.err.println("[memoguard] " + level + " " + message);
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
    Logger ready = readyFor(warn ? Level.WARN : Level.INFO, message, fields);
    if (ready == null) {
      return;
    }
    LoggingEventBuilder builder = warn ? ready.atWarn() : ready.atInfo();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      Object value = fields[i + 1];
      builder = builder.addKeyValue(String.valueOf(fields[i]),
          value instanceof Long || value instanceof Integer ? value : clean(String.valueOf(value)));
    }
    builder.log(clean(message));
  }

  public void debug(String message) {
    if (isDebugEnabled()) {
      Logger ready = readyFor(Level.DEBUG, message, NO_FIELDS);
      if (ready != null) {
        ready.debug(clean(message));
      }
    }
  }

  public boolean isDebugEnabled() {
    return Level.DEBUG.isGreaterOrEqual(threshold);
  }

  /**
   * Flushes and closes the appender; called from the shutdown hook after the summary. A deferred
   * set-up still running is waited for (bounded), so that the lines it keeps are written.
   */
  public void stop() {
    Thread running = setUp;
    if (running != null) {
      try {
        running.join(10_000);
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      }
    }
    LoggerContext ready = context;
    if (ready != null) {
      ready.stop();
      return;
    }
    synchronized (pending) {
      // the set-up hangs: its lines still reach standard error
      plain = true;
      pending.forEach(line -> printPlain(line.level, line.message));
      pending.clear();
    }
  }

  private static final Object[] NO_FIELDS = {};

  /** A line written before Logback was ready, already cleaned. */
  private static final class Pending {
    final long millis;
    final Level level;
    final String message;
    final Object[] fields;

    Pending(long millis, Level level, String message, Object[] fields) {
      this.millis = millis;
      this.level = level;
      this.message = message;
      this.fields = fields;
    }
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
