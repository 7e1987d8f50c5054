package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Memo keys in a real JVM with the agent jar: one static repository class loaded by two class
 * loaders in one request, a static writing method, arguments that differ only in iteration order,
 * concrete class, comparator or array class, and an application list behind JDK wrappers. The
 * application ({@code com.example.keys.KeysApp}) runs once without and once with the agent; what
 * it computes must be the same, and only the number of loads may drop.
 */
class KeysIT {

    private static final String APP = "com.example.keys.KeysApp";
    private static final Once<ProcessOutput> WITHOUT = new Once<>(() -> run("keys-plain", List.of()));
    private static final Once<ProcessOutput> WITH = new Once<>(() -> run("keys-agent", List.of(ItEnv.javaagent(config()))));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Path config() {
        try {
            Path config = Files.createDirectories(ItEnv.logsDir().resolve("configs")).resolve("keys-memoguard.yaml");
            Files.writeString(config, String.join("\n",
                    "memoize:",
                    "  - class: com.example.keys.iso.StaticRepo",
                    "  - class: com.example.keys.ArgumentRepo",
                    "requests:",
                    "  entry-points:",
                    "    - class: " + APP,
                    "      methods: [scenario*]",
                    ""));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessOutput run(String name, List<String> jvmArgs) {
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, ItEnv.classesDir().toString(), APP, List.of())) {
            jvm.awaitListening();
            long deadline = System.nanoTime() + JvmProcess.STOP_TIMEOUT.toNanos();
            while (jvm.outputSoFar().exitCode() == -1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            ProcessOutput out = jvm.stop();
            assertThat(out.exitCode()).as("%s", out).isZero();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> lines(ProcessOutput out, String prefix) {
        return out.stdoutLines().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    private static String line(ProcessOutput out, String prefix) {
        return out.stdoutLines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "\n" + out));
    }

    @Test
    void theAgentChangesNothingTheApplicationComputes() {
        assertThat(lines(WITHOUT.get(), "RESULT ")).hasSize(4);
        assertThat(lines(WITH.get(), "RESULT ")).as("%s", WITH.get()).isEqualTo(lines(WITHOUT.get(), "RESULT "));
        assertThat(AgentOutput.errorLines(WITH.get().allLines())).as("%s", WITH.get()).isEmpty();
        assertThat(WITH.get().allLines()).as("%s", WITH.get()).noneMatch(l -> l.contains("internal error"));
    }

    @Test
    void oneStaticClassInTwoLoadersKeepsTwoSetsOfEntries() {
        assertThat(line(WITH.get(), "RESULT twoLoaders"))
                .isEqualTo("RESULT twoLoaders tags=A:k,B:k,A:k,B:k values=A:k,B:k,B:k ownClass=true");
        // each copy memoizes its own calls: one load of each method per loader
        assertThat(line(WITH.get(), "LOADS twoLoaders")).isEqualTo("LOADS twoLoaders a=2 b=2");
        assertThat(line(WITHOUT.get(), "LOADS twoLoaders")).isEqualTo("LOADS twoLoaders a=3 b=4");
    }

    @Test
    void aStaticWriteClearsTheClassEntries() {
        assertThat(line(WITH.get(), "RESULT staticWrite")).isEqualTo("RESULT staticWrite before=name1 after=renamed");
    }

    @Test
    void orderClassAndComparatorOfArgumentsArePartOfTheKey() {
        assertThat(line(WITH.get(), "RESULT order")).isEqualTo("RESULT order first=aba sorted=ab "
                + "shapes=ArrayList[1, 2] LinkedList[1, 2] UnmodifiableRandomAccessList[2, 1] arrays=Integer[]2 Object[]2");
        // only the repeated {a, b} call is served from the memo table
        assertThat(line(WITH.get(), "LOADS order")).isEqualTo("LOADS order n=9");
        assertThat(line(WITHOUT.get(), "LOADS order")).isEqualTo("LOADS order n=10");
    }

    @Test
    void anApplicationListBehindAJdkWrapperIsNeverCalledByTheAgent() {
        assertThat(line(WITH.get(), "RESULT wrappers")).isEqualTo("RESULT wrappers sizes=33322");
        // the list's calls are the method bodies' own; a wrapped JDK list is still memoized
        assertThat(line(WITHOUT.get(), "LOADS wrappers")).isEqualTo("LOADS wrappers n=5 listCalls=3");
        assertThat(line(WITH.get(), "LOADS wrappers")).isEqualTo("LOADS wrappers n=4 listCalls=3");
        assertThat(WITH.get().stderrLines()).as("%s", WITH.get()).anyMatch(l -> l.contains("[memoguard] INFO  calls of "
                + "com.example.keys.ArgumentRepo.countAll pass through unmemoized: an argument cannot be part of a key "
                + "(type com.example.keys.CountingList;"));
    }
}
