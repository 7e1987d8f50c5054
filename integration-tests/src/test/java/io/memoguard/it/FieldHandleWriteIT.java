package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Writes that pass no barrier, in a real JVM with the agent: var handles, method handle setters,
 * atomic field updaters and {@code sun.misc.Unsafe} on a guarded class, and reflection on a final
 * field of an unguarded one ({@code com.example.handles.HandleApp}). The JDK methods that create
 * such handles are retransformed, so the classes they target are checked on read from then on: a
 * written object is never served again. Every scenario's result equals the run without the agent.
 */
class FieldHandleWriteIT {

    private static final String APP = "com.example.handles.HandleApp";
    private static final Once<ProcessOutput> WITH_AGENT = new Once<>(() -> run(true));
    private static final Once<ProcessOutput> WITHOUT_AGENT = new Once<>(() -> run(false));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    /** The handles app's configuration, written as {@code handles-memoguard.yaml} into {@code dir}. */
    static Path writeConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("handles-memoguard.yaml"), String.join("\n",
                "memoize:",
                "  - class: com.example.handles.CounterRepository",
                // every method: tag and code match none of the default name patterns
                "    methods: [find, tag, code]",
                "guard:",
                "  packages: [com.example.handles.domain]",
                "requests:",
                "  entry-points:",
                "    - class: " + APP,
                "      methods: [scenario*]",
                ""));
    }

    private static ProcessOutput run(boolean agent) {
        try {
            Path config = writeConfig(Files.createDirectories(ItEnv.logsDir().resolve("configs")));
            List<String> jvmArgs = agent ? List.of(ItEnv.javaagent(config)) : List.of();
            try (JvmProcess jvm = JvmProcess.start(agent ? "handles-agent" : "handles-plain", jvmArgs,
                    ItEnv.classesDir().toString(), APP, List.of())) {
                jvm.awaitListening();
                ProcessOutput out = jvm.awaitExit();
                assertThat(out.exitCode()).as("%s", out).isZero();
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String result(ProcessOutput out, String name) {
        return out.stdoutLines().stream().filter(l -> l.startsWith("RESULT " + name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT " + name + "\n" + out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"varHandle", "setterCreatedAfterStore", "updater", "unsafe", "finalField",
        "reflection"})
    void aWrittenObjectIsNeverServedAgain(String scenario) {
        assertThat(result(WITH_AGENT.get(), scenario)).isEqualTo(result(WITHOUT_AGENT.get(), scenario))
                .contains(" read=1");
    }

    @Test
    void objectsNobodyWroteAreStillServedFromTheMemo() {
        assertThat(result(WITH_AGENT.get(), "untouched")).isEqualTo("RESULT untouched read=1/fresh/0 same=true loads=1");
    }

    @Test
    void theAgentSaysOnceWhichClassesFallBackToTheCheckOnRead() {
        ProcessOutput out = WITH_AGENT.get();
        assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
        assertThat(out.stderrLines()).as("%s", out)
                .noneMatch(l -> l.contains("could not instrument") || l.contains("internal error"))
                .filteredOn(l -> l.contains("fields of com.example.handles.domain.Counter can be written past"))
                .hasSize(1);
        assertThat(out.stderrLines()).as("%s", out)
                .filteredOn(l -> l.contains("fields of com.example.handles.plain.Code can be written past"))
                .hasSize(1);
    }
}
