package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken configuration must cost exactly one ERROR line naming the file and the position
 * ({@code <path>:<line>:<column>:}, 1-based) and nothing else: the application runs normally,
 * just without memoization.
 */
class BadConfigIT {

    @TempDir
    static Path configDir;

    private static final Once<HttpResult> BASELINE = new Once<>(BadConfigIT::runBaseline);

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    /**
     * @param yaml     file content, or null for a file that does not exist
     * @param expected what the ERROR line must contain right after the path: {@code :line:col:}, or {@code cannot read}
     */
    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("missing-file", null, "cannot read"),
                // unclosed flow sequence: the parser notices at the end of the stream (line 2, column 1)
                Arguments.of("malformed-unclosed-flow",
                        "memoize: [class: x\n",
                        ":2:1:"),
                // '@' cannot start a YAML token
                Arguments.of("malformed-reserved-indicator",
                        "on-mutation: log\nmemoize: @bad\n",
                        ":2:10:"),
                Arguments.of("unknown-key",
                        "on-mutation: log\n"
                                + "memoise:\n"
                                + "  - class: com.acme.repo.MortgageRepository\n",
                        ":2:1:"),
                // a map where a list of packages belongs (a single name is an accepted shorthand for a
                // one-element list, so that is not an error): reported at the offending value
                Arguments.of("wrong-type-packages",
                        "on-mutation: log\n"
                                + "guard:\n"
                                + "  packages: {com.acme: domain}\n",
                        ":3:13:"),
                Arguments.of("wrong-type-max-entries",
                        "requests:\n"
                                + "  max-entries: lots\n",
                        ":2:16:"),
                // an empty class selector: reported at the empty value
                Arguments.of("empty-selector",
                        "memoize:\n"
                                + "  - class: \"\"\n"
                                + "    methods: [get*]\n",
                        ":2:12:"));
    }

    /** The chatty endpoint without the agent, to compare with. */
    private static HttpResult runBaseline() {
        try (JvmProcess jvm = DemoApp.start("demo-baseline", List.of())) {
            HttpResult baseline = jvm.get(DemoApp.CHATTY);
            assertThat(baseline.status()).as("%s", baseline).isEqualTo(200);
            assertThat(baseline.intHeader("X-Db-Queries")).as("%s", baseline).isEqualTo(9);
            jvm.stop();
            return baseline;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void badConfigIsOneErrorLineAndTheApplicationRunsUnmemoized(String name, String yaml, String expected) throws IOException {
        Path config = configDir.resolve(name + ".yaml").toAbsolutePath();
        if (yaml != null) {
            Files.writeString(config, yaml);
        }
        HttpResult expectedResponse = BASELINE.get();

        HttpResult response;
        ProcessOutput out;
        try (JvmProcess jvm = DemoApp.start("demo-badconfig-" + name, List.of(ItEnv.javaagent(config)))) {
            response = jvm.get(DemoApp.CHATTY);
            out = jvm.stop();
        }

        assertThat(response.status()).as("%s\n%s", response, out).isEqualTo(200);
        assertThat(response.intHeader("X-Db-Queries")).as("no memoization with a bad config\n%s", out).isEqualTo(9);
        assertThat(response.body()).isEqualTo(expectedResponse.body());

        List<String> errors = AgentOutput.errorLines(out.allLines());
        assertThat(errors).as("exactly one [memoguard] ERROR line\n%s", out).hasSize(1);
        String error = errors.get(0);
        assertThat(out.stderrLines()).as("the ERROR line goes to stderr").contains(error);
        String path = config.toString();
        assertThat(error).as("names the config file").contains(path);
        if (yaml == null) {
            assertThat(error).contains("cannot read");
        } else {
            assertThat(error.substring(error.indexOf(path) + path.length()))
                    .as("position right after the path (1-based line:column)")
                    .startsWith(expected);
        }
        assertThat(out.allLines()).as("%s", out)
                .noneMatch(l -> l.contains("[memoguard] WARN"))
                .noneMatch(l -> l.contains("Exception in thread"));
    }

    /**
     * Files no parser should be handed as they are, and a log.file that cannot be written: each
     * is one ERROR naming the file, the reason and the position, on a one-shot host (cheaper than
     * the demo). {@code content} is the file's bytes; null makes the path a directory, "fifo" a
     * named pipe.
     */
    static Stream<Arguments> hostileFiles() {
        Path regular = configDir.resolve("plain.txt");
        return Stream.of(
                Arguments.of("log-file-under-a-regular-file", utf8("log:\n  file: " + regular.resolve("memoguard.log") + "\n"),
                        ":2:9: 'file' " + regular.resolve("memoguard.log") + " cannot be opened for appending: "
                                + regular + " is a file, not a directory"),
                Arguments.of("log-file-is-a-directory", utf8("log:\n  file: " + configDir + "\n"),
                        ":2:9: 'file' " + configDir + " cannot be opened for appending: it is a directory"),
                Arguments.of("nested-20000-brackets", utf8("memoize: " + "[".repeat(20_000)),
                        ":1:73: nested deeper than 64 levels"),
                Arguments.of("nested-3000-block-sequences", utf8("- ".repeat(3_000) + "x\n"),
                        ":1:129: nested deeper than 64 levels"),
                Arguments.of("latin-1-comment", bytes(utf8("# caf"), new byte[] {(byte) 0xE9}, utf8("\nmemoize: []\n")),
                        ":1:6: byte 0xE9 is not valid UTF-8"),
                Arguments.of("binary-garbage", new byte[] {0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, (byte) 0x88, 0x00},
                        ":1:7: byte 0x88 is not valid UTF-8"),
                Arguments.of("nul-byte", utf8("on-mutation: lo\u0000g\n"), ":1:16: control character U+0000"),
                Arguments.of("utf-16", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "m\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                        ":1:1: the file is UTF-16"),
                Arguments.of("larger-than-1-mb", utf8("#".repeat(2_000_000) + "\n"),
                        ": cannot read configuration file: it is larger than 1048576 bytes"),
                Arguments.of("empty", new byte[0], ": configuration is empty"),
                Arguments.of("directory", null, ": cannot read configuration file: it is a directory, not a file"),
                Arguments.of("named-pipe", utf8("fifo"), ": cannot read configuration file: it is not a regular file"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFileIsOneErrorWithReasonAndPositionAndTheHostRuns(String name, byte[] content, String expected)
            throws Exception {
        Files.writeString(configDir.resolve("plain.txt"), "a regular file\n");
        Path config = configDir.resolve(name + ".yaml").toAbsolutePath();
        if (content == null) {
            Files.createDirectories(config);
        } else if (new String(content, StandardCharsets.UTF_8).equals("fifo")) {
            Process mkfifo = new ProcessBuilder("mkfifo", config.toString()).start();
            Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        } else {
            Files.write(config, content);
        }

        ProcessOutput out = OneShotHost.run("hostile-config-" + name, List.of(ItEnv.javaagent(config)), "map");

        assertThat(out.exitCode()).as("%s", out).isZero();
        assertThat(OneShotHost.results(out)).as("%s", out).containsExactly("RESULT map n=0");
        List<String> errors = AgentOutput.errorLines(out.allLines());
        assertThat(errors).as("exactly one [memoguard] ERROR line\n%s", out).hasSize(1);
        String error = errors.get(0);
        assertThat(out.stderrLines()).as("the ERROR line goes to stderr").contains(error);
        String path = config.toString();
        assertThat(error).as("names the config file").contains(path);
        assertThat(error.substring(error.indexOf(path) + path.length())).as("%s", out).startsWith(expected)
                .endsWith("; memoguard is disabled, the application runs without it");
        assertThat(out.allLines()).as("%s", out)
                .noneMatch(AgentOutput::isStartedLine)
                .noneMatch(l -> l.contains("[memoguard] WARN"))
                .noneMatch(l -> l.contains("Exception") || l.contains("Error:") || l.contains("StackOverflowError")
                        || l.startsWith("\tat "))
                .allSatisfy(l -> assertThat(l.length()).isLessThan(1_100));
    }
}
