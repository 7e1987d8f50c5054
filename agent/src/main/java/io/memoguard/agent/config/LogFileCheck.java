package io.memoguard.agent.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens {@code log.file} for appending once while the configuration is validated, exactly as the
 * logger will, so that a file that cannot be written is reported like any other bad configuration
 * (one ERROR naming the configuration file and the key's position) instead of the logger failing
 * silently later: Logback reports a failed open only to its own status manager.
 */
final class LogFileCheck {
  private LogFileCheck() {}

  /**
   * Null when the file can be appended to (it and missing parent directories are created).
   *
   * @param config the configuration file, which the log must never be appended to
   */
  static String whyUnwritable(Path file, Path config) {
    try {
      if (Files.isDirectory(file)) {
        return "it is a directory";
      }
      if (Files.exists(file) && Files.exists(config) && Files.isSameFile(file, config)) {
        return "it is the configuration file itself";
      }
      String parentProblem = parentProblem(file.getParent());
      if (parentProblem != null) {
        return parentProblem;
      }
      if (isPipeOrSocket(file)) {
        // opening a FIFO for writing blocks until a reader comes: the JVM would never start
        return "it is a pipe or socket, not a file";
      }
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
        return null;
      }
    } catch (IOException e) {
      return ConfigText.reason(e);
    } catch (SecurityException e) {
      return "access denied by the security manager";
    } catch (RuntimeException e) {
      return "it cannot be opened (" + e.getClass().getSimpleName() + ")";
    }
  }

  /** Names the part of the path that is a file where a directory is needed, else creates it. */
  private static String parentProblem(Path parent) throws IOException {
    if (parent == null) {
      return null;
    }
    String fileInTheWay = ConfigText.fileInTheWay(parent.resolve("x"));
    if (fileInTheWay != null) {
      return fileInTheWay;
    }
    Files.createDirectories(parent);
    return null;
  }

  private static boolean isPipeOrSocket(Path file) {
    try {
      if (!Files.exists(file) || Files.isRegularFile(file)) {
        return false;
      }
      Object mode = Files.getAttribute(file, "unix:mode");
      int type = ((Integer) mode) & 0170000;
      return type == 0010000 || type == 0140000;
    } catch (IOException | RuntimeException e) {
      return false; // no unix view: leave it to the open
    }
  }
}
