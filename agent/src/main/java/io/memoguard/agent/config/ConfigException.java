package io.memoguard.agent.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration could not be found, read or validated. {@link #getMessage()} is always a
 * single line of the form {@code <file>:<line>:<column>: <problem>} (1-based), or
 * {@code <file>: <problem>} when no position applies, or just {@code <problem>} when no file is
 * involved (bad agent options). It never contains configuration values, only key names and types.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_PART_LENGTH = 300;

  private final transient Path file;
  private final int line;
  private final int column;
  private final String problem;

  ConfigException(Path file, int line, int column, String problem) {
    super(format(file, line, column, problem));
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = oneLine(problem);
  }

  /** A problem that concerns no file, such as a malformed agent option. */
  static ConfigException of(String problem) {
    return new ConfigException(null, 0, 0, problem);
  }

  /** A problem with a file as a whole, without a position in it. */
  static ConfigException inFile(Path file, String problem) {
    return new ConfigException(file, 0, 0, problem);
  }

  /** The configuration file concerned, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** 1-based line of the offending node, or 0 when the problem has no position. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending node, or 0 when the problem has no position. */
  public int column() {
    return column;
  }

  /** The message without the file and position prefix. */
  public String problem() {
    return problem;
  }

  private static String format(Path file, int line, int column, String problem) {
    StringBuilder out = new StringBuilder();
    if (file != null) {
      out.append(oneLine(file.toString()));
      if (line > 0) {
        out.append(':').append(line).append(':').append(column);
      }
      out.append(": ");
    }
    return out.append(oneLine(problem)).toString();
  }

  /**
   * Callers (and log scrapers) rely on the message being one line, so control characters that may
   * come from key names, parser messages or odd file names are flattened here, in one place.
   */
  static String oneLine(String text) {
    String s = text == null ? "" : text;
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_PART_LENGTH + 3));
    for (int i = 0; i < s.length() && out.length() < MAX_PART_LENGTH; i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    if (s.length() > MAX_PART_LENGTH) {
      out.append("...");
    }
    return out.toString();
  }
}
