package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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
}
