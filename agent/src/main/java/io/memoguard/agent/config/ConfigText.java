package io.memoguard.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the configuration file as UTF-8 text, turning every way it can be unreadable into one
 * sentence: what is wrong, and where in the file when a position exists. It never opens anything
 * but a regular file (opening a FIFO would block the JVM's start until some writer came along),
 * never reads more than {@link #MAX_BYTES}, and decodes strictly, so a Latin-1 byte is reported at
 * its line and column instead of becoming a replacement character somewhere in a key.
 */
final class ConfigText {
  /** A memoguard configuration is a few KB; anything near this is not one. */
  static final int MAX_BYTES = 1 << 20;
  static final String CANNOT_READ = "cannot read configuration file: ";

  private ConfigText() {}

  /** The file's text without a UTF-8 byte order mark. */
  static String read(Path file) throws ConfigException {
    return decode(bytes(file), file);
  }

  private static byte[] bytes(Path file) throws ConfigException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw ConfigException.inFile(file, CANNOT_READ + "it is a directory, not a file");
      }
      if (!attributes.isRegularFile()) {
        throw ConfigException.inFile(file,
            CANNOT_READ + "it is not a regular file (a pipe, socket or device)");
      }
      if (attributes.size() > MAX_BYTES) {
        throw tooLarge(file);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw tooLarge(file); // grew since, or a file system that reports no size
        }
        return bytes;
      }
    } catch (IOException e) {
      String fileInTheWay = fileInTheWay(file);
      throw ConfigException.inFile(file, CANNOT_READ
          + (fileInTheWay != null ? fileInTheWay : reason(e)));
    } catch (SecurityException e) {
      throw ConfigException.inFile(file, CANNOT_READ + "access denied by the security manager");
    }
  }

  private static ConfigException tooLarge(Path file) {
    return ConfigException.inFile(file, CANNOT_READ + "it is larger than " + MAX_BYTES
        + " bytes (1 MB); a memoguard configuration is a few KB");
  }

  /**
   * "X is a file, not a directory" when a part of the path is a regular file, else null. JDKs
   * differ in what they throw for it (NoSuchFileException on 25, "Not a directory" on 17), so the
   * path is looked at instead.
   */
  static String fileInTheWay(Path file) {
    try {
      Path existing = file.toAbsolutePath().getParent();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      return existing != null && !Files.isDirectory(existing)
          ? existing + " is a file, not a directory" : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The failure in words; the operating system's own reason when it gives one. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "too many levels of symbolic links";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is a file, not a directory";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      String reason = ((FileSystemException) e).getReason();
      return "Not a directory".equals(reason)
          ? "a part of the path is a file, not a directory" : reason.toLowerCase();
    }
    return "input/output error (" + e.getClass().getSimpleName() + ")";
  }

  static String decode(byte[] bytes, Path file) throws ConfigException {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new ConfigException(file, 1, 1,
          "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      int[] at = lineColumn(out, out.length());
      if (at[0] == 1 && out.length() > 0 && out.charAt(0) == '\uFEFF') {
        at[1]--; // the byte order mark is not a column a reader would count
      }
      int bad = bytes[Math.min(in.position(), bytes.length - 1)] & 0xFF;
      throw new ConfigException(file, at[0], at[1], String.format("byte 0x%02X is not valid"
          + " UTF-8 (the file must be UTF-8 text; was it saved as Latin-1, or is it not text at"
          + " all?)", bad));
    }
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * 1-based line and column of the code point at char offset {@code end}, counting line breaks as
   * YAML does (LF, CR LF and a lone CR).
   */
  static int[] lineColumn(CharSequence text, int end) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < end && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
