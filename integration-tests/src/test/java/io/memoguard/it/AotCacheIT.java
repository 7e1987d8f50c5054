package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JDK 24+ AOT cache trained with the agent attached ({@code -XX:AOTCacheOutput}), then used by a
 * run with the agent ({@code -XX:AOTMode=on}, which refuses to start when the cache cannot be used).
 * The application is {@code com.example.handles.HandleApp}: its writes through var handles, field
 * updaters, {@code Unsafe} and reflection need the JDK classes the agent retransforms, which the
 * training run must leave alone (retransforming them crashed the JVM at the dump). Both runs must
 * print what the run without the agent prints, and the run with the cache must get at least 99 %
 * of the classes the cache served without the agent from the cache.
 */
class AotCacheIT {
    private static final String APP = "com.example.handles.HandleApp";
    private static final long TIMEOUT_MILLIS = 240_000;
    private static final String FROM_CACHE = "source: shared objects file";
    private static final String TRAINING_LINE = "is writing a class-data archive or AOT cache";

    private static Path dir;
    private static Once<ProcessOutput> plainTraining;
    private static Once<ProcessOutput> plainRun;
    private static Once<ProcessOutput> agentTraining;
    private static Once<ProcessOutput> agentRun;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache with an agent needs JDK 25");
        dir = Files.createDirectories(ItEnv.logsDir().resolve("aot"));
        for (String stale : List.of("plain.aot", "agent.aot")) {
            Files.deleteIfExists(dir.resolve(stale));
        }
        Path jar = appJar(dir.resolve("handles-app.jar"));
        Path config = FieldHandleWriteIT.writeConfig(dir);
        String agent = ItEnv.javaagent(config);
        plainTraining = new Once<>(() -> run("aot-plain-train", jar, List.of(train("plain"))));
        plainRun = new Once<>(() -> {
            plainTraining.get();
            return run("aot-plain-run", jar, use("plain"));
        });
        agentTraining = new Once<>(() -> run("aot-agent-train", jar, List.of(agent, train("agent"))));
        agentRun = new Once<>(() -> {
            agentTraining.get();
            List<String> args = new ArrayList<>(List.of(agent));
            args.addAll(use("agent"));
            return run("aot-agent-run", jar, args);
        });
    }

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static String train(String name) {
        return "-XX:AOTCacheOutput=" + dir.resolve(name + ".aot");
    }

    private static List<String> use(String name) {
        return List.of("-XX:AOTCache=" + dir.resolve(name + ".aot"), "-XX:AOTMode=on",
                "-Xlog:class+load=info:file=" + classLog(name));
    }

    private static Path classLog(String name) {
        return dir.resolve(name + "-class-load.txt");
    }

    @Test
    void trainingWithTheAgentSucceedsAndComputesWhatThePlainRunDoes() {
        ProcessOutput training = agentTraining.get();
        assertThat(training.exitCode()).as("%s", training).isZero();
        assertThat(dir.resolve("agent.aot")).as("%s", training).isNotEmptyFile();
        assertThat(results(training)).as("%s", training).isEqualTo(results(plainRun.get())).hasSize(6);
        assertThat(training.stderrLines()).as("%s", training)
                .anyMatch(l -> l.contains("[memoguard] INFO") && l.contains(TRAINING_LINE));
        assertThat(AgentOutput.errorLines(training.allLines())).as("%s", training).isEmpty();
    }

    @Test
    void theAgentMemoizesWhileTraining() {
        assertThat(untouched(plainRun.get())).isEqualTo("RESULT untouched read=1/fresh/0 same=false loads=2");
        assertThat(untouched(agentTraining.get())).isEqualTo("RESULT untouched read=1/fresh/0 same=true loads=1");
    }

    @Test
    void theRunWithTheCacheKeepsEveryFeature() {
        ProcessOutput run = agentRun.get();
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(results(run)).as("%s", run).isEqualTo(results(plainRun.get())).hasSize(6);
        assertThat(untouched(run)).isEqualTo("RESULT untouched read=1/fresh/0 same=true loads=1");
        // the JDK's handle factories are retransformed again: they name the classes they open
        assertThat(run.stderrLines()).as("%s", run)
                .noneMatch(l -> l.contains(TRAINING_LINE))
                .anyMatch(l -> l.contains("fields of com.example.handles.domain.Counter can be written past"));
        assertThat(AgentOutput.errorLines(run.allLines())).as("%s", run).isEmpty();
    }

    @Test
    void theCacheServesTheClassesItServesWithoutTheAgent() throws IOException {
        plainRun.get();
        agentRun.get();
        Set<String> plain = cached(classLog("plain"));
        Set<String> withAgent = cached(classLog("agent"));
        assertThat(plain).as("classes from the cache without the agent").hasSizeGreaterThan(500);
        Set<String> missing = new HashSet<>(plain);
        missing.removeAll(withAgent);
        assertThat(missing.size()).as("classes the cache served without the agent but not with it: %s", missing)
                .isLessThanOrEqualTo(plain.size() / 100);
    }

    private static Set<String> cached(Path classLoadLog) throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(classLoadLog)) {
            if (line.contains(FROM_CACHE)) {
                // [0.012s][info][class,load] java.lang.Object source: shared objects file
                String afterTags = line.substring(line.indexOf("] ", line.indexOf("[class,load]")) + 2);
                String name = afterTags.substring(0, afterTags.indexOf(' '));
                // hidden classes (LambdaForm$MH/0x...) are numbered differently in every run
                int hidden = name.indexOf("/0x");
                names.add(hidden < 0 ? name : name.substring(0, hidden));
            }
        }
        return names;
    }

    /** What the application computed; the untouched scenario's reads are memoized with the agent. */
    private static List<String> results(ProcessOutput out) {
        return out.stdoutLines().stream().filter(l -> l.startsWith("RESULT ") && !l.startsWith("RESULT untouched"))
                .toList();
    }

    private static String untouched(ProcessOutput out) {
        return out.stdoutLines().stream().filter(l -> l.startsWith("RESULT untouched")).findFirst().orElse("none");
    }

    /** Waits longer than JvmProcess does: the dump comes after main returns. */
    private static ProcessOutput run(String name, Path jar, List<String> jvmArgs) {
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, jar.toString(), APP, List.of())) {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            ProcessOutput out = jvm.outputSoFar();
            while (out.exitCode() == -1 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
                out = jvm.outputSoFar();
            }
            if (out.exitCode() == -1) {
                throw new AssertionError(name + " did not exit within " + TIMEOUT_MILLIS + " ms\n" + out);
            }
            return out;
        }
    }

    /** The cache takes application classes from jars only, never from a class directory. */
    private static Path appJar(Path jar) throws IOException {
        Path classes = ItEnv.classesDir();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes.resolve("com/example/handles"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }
}
