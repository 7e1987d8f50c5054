package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a configuration file can be unreadable or hostile gives one ConfigException: one line,
 * naming the file, the reason in words, and line:column wherever a position exists. Never an
 * exception class name alone, never a StackOverflowError.
 */
class UnreadableConfigTest extends ConfigFileTestSupport {
  private static final String NOT_UTF8 = " is not valid UTF-8 (the file must be UTF-8 text; was it"
      + " saved as Latin-1, or is it not text at all?)";

  private static byte[] bytes(Object... parts) {
    byte[] out = new byte[0];
    for (Object part : parts) {
      byte[] add = part instanceof String ? ((String) part).getBytes(StandardCharsets.UTF_8)
          : new byte[] {(byte) (part instanceof Character ? (Character) part : (Integer) part)};
      out = Arrays.copyOf(out, out.length + add.length);
      System.arraycopy(add, 0, out, out.length - add.length, add.length);
    }
    return out;
  }

  /**
   * Content, expected line, column (0: none) and the problem. Nesting is reported at the bracket
   * or key that opens level 65; the document's own map is level 1.
   */
  static Stream<Arguments> contents() {
    return Stream.of(
        Arguments.of("latin-1 in a comment", bytes("# caf", 0xE9, "\nmemoize: []\n"), 1, 6,
            "byte 0xE9" + NOT_UTF8),
        Arguments.of("latin-1 on line 3 after CRLF", bytes("a: 1\r\nb: 2\r\n# na", 0xEF, "ve\r\n"),
            3, 5, "byte 0xEF" + NOT_UTF8),
        Arguments.of("latin-1 after a lone CR and a 4-byte character",
            bytes("x: 1\r# \uD83D\uDE00 ", 0xFC, "\n"), 2, 5, "byte 0xFC" + NOT_UTF8),
        Arguments.of("binary garbage", bytes(0x00, 0x01, 0xFF, 0xFE, 0x80, 0x13), 1, 3,
            "byte 0xFF" + NOT_UTF8),
        Arguments.of("gzip header", bytes(0x1F, 0x8B, 0x08, 0x00), 1, 2, "byte 0x8B" + NOT_UTF8),
        Arguments.of("truncated UTF-8 at the end", bytes("a: b", 0xC3), 1, 5,
            "byte 0xC3" + NOT_UTF8),
        Arguments.of("UTF-16 BE with byte order mark", bytes(0xFE, 0xFF, 0x00, 'a'), 1, 1,
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"),
        Arguments.of("UTF-16 LE with byte order mark", bytes(0xFF, 0xFE, 'a', 0x00), 1, 1,
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"),
        Arguments.of("latin-1 after a UTF-8 byte order mark", bytes(0xEF, 0xBB, 0xBF, "ab", 0xE9),
            1, 3, "byte 0xE9" + NOT_UTF8),
        Arguments.of("NUL byte", bytes("log:\n  level: in", 0x00, "fo\n"), 2, 12,
            "control character U+0000 is not allowed in YAML"),
        Arguments.of("escape character", bytes("log:\n  level: \u001B[31minfo\n"), 2, 10,
            "control character U+001B is not allowed in YAML"),
        Arguments.of("empty file", bytes(), 0, 0, "configuration is empty"),
        Arguments.of("only a byte order mark", bytes(0xEF, 0xBB, 0xBF), 0, 0,
            "configuration is empty"),
        Arguments.of("20,000 open brackets", bytes("memoize: " + "[".repeat(20_000)), 1, 73,
            "nested deeper than 64 levels; a memoguard configuration needs 4"),
        Arguments.of("20,000 open braces", bytes("{a: ".repeat(20_000)), 1, 257,
            "nested deeper than 64 levels; a memoguard configuration needs 4"),
        Arguments.of("600 block mapping levels", bytes(blockMaps(600)), 65, 129,
            "nested deeper than 64 levels; a memoguard configuration needs 4"),
        Arguments.of("3,000 block sequence levels", bytes("- ".repeat(3_000) + "x\n"), 1, 129,
            "nested deeper than 64 levels; a memoguard configuration needs 4"),
        Arguments.of("a list that contains itself", bytes("memoize: &a [*a]\n"), 1, 10,
            "each 'memoize' rule must be a map, found a list"));
  }

  private static String blockMaps(int levels) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      yaml.append("  ".repeat(i)).append("a:\n");
    }
    return yaml.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contents")
  void unreadableContentIsOneLineWithFileAndPosition(String name, byte[] content, int line,
      int column, String problem) throws IOException {
    Path file = dir.resolve("memoguard.yaml");
    Files.write(file, content);

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

    String where = line > 0 ? file + ":" + line + ":" + column + ": " : file + ": ";
    assertThat(e.getMessage()).isEqualTo(where + problem);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }

  @Test
  void aDirectoryIsNamedAsSuch() {
    assertThat(loadFailure(dir)).isEqualTo(dir + ": cannot read configuration file: it is a"
        + " directory, not a file");
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = dir.resolve("nope.yaml");
    assertThat(loadFailure(missing)).isEqualTo(missing + ": cannot read configuration file: no"
        + " such file");
  }

  @Test
  void aPathThroughARegularFileSaysWhichPartIsWrong() throws IOException {
    Path regular = Files.writeString(dir.resolve("plain.txt"), "x");
    Path under = regular.resolve("memoguard.yaml");
    assertThat(loadFailure(under)).isEqualTo(under + ": cannot read configuration file: "
        + regular + " is a file, not a directory");
    Path deeper = regular.resolve("a/b/memoguard.yaml");
    assertThat(loadFailure(deeper)).isEqualTo(deeper + ": cannot read configuration file: "
        + regular + " is a file, not a directory");
  }

  @Test
  void aSymbolicLinkLoopSaysSo() throws IOException {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThat(loadFailure(a)).startsWith(a + ": cannot read configuration file: ")
        .doesNotContain("Exception");
  }

  @Test
  void aFileOverOneMegabyteIsNotRead() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.write(big, ("# " + "x".repeat(1_000) + "\n").repeat(1_100).getBytes(StandardCharsets.UTF_8));
    assertThat(loadFailure(big)).isEqualTo(big + ": cannot read configuration file: it is larger"
        + " than 1048576 bytes (1 MB); a memoguard configuration is a few KB");
  }

  @Test
  void aNamedPipeIsNeverOpened() throws Exception {
    Path fifo = dir.resolve("fifo.yaml");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    // opening a FIFO without a writer blocks: a hang here is the failure
    assertThat(loadFailure(fifo)).isEqualTo(fifo + ": cannot read configuration file: it is not a"
        + " regular file (a pipe, socket or device)");
  }

  @Test
  void aDeviceIsNotAConfiguration() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    assertThat(loadFailure(devNull)).isEqualTo(devNull + ": cannot read configuration file: it is"
        + " not a regular file (a pipe, socket or device)");
  }

  @Test
  void aFileWithoutReadPermissionSaysPermissionDenied() throws IOException {
    Path file = write("on-mutation: log\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    // root reads anything: the permission case can only be checked as an ordinary user
    assumeTrue(!Files.isReadable(file), "running as a user who can read any file (root)");
    assertThat(loadFailure(file)).isEqualTo(file + ": cannot read configuration file: permission"
        + " denied");
  }

  @Test
  void aliasBombIsRejectedInOneLine() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("b").append(i).append(": &b").append(i).append(" [");
      String previous = i == 0 ? "*a" : "*b" + (i - 1);
      yaml.append((previous + ", ").repeat(9)).append(previous).append("]\n");
    }
    ConfigException e = loadFails(yaml.toString());
    assertThat(e.getMessage()).isEqualTo(dir.resolve("memoguard.yaml") + ": malformed YAML:"
        + " Number of aliases for non-scalar nodes exceeds the specified max=50");
  }

  private static String loadFailure(Path file) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
  }

  private static boolean mkfifo(Path fifo) {
    try {
      return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
