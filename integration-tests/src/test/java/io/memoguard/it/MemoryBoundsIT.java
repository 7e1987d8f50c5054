package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A batch entry point reads 1,000 distinct 100 KB rows in one request under -Xmx64m: 100 MB if
 * every result were kept until the boundary returns. Without the agent it finishes; with it, it
 * must finish too, with the same output, whether the byte budgets or only the heap-pressure
 * release bound what the request keeps. The same run reads a blob stream twice in one request.
 */
class MemoryBoundsIT {
    private static final String APP = "com.example.batch.BatchApp";
    private static final List<String> HEAP = List.of("-Xmx64m");
    private static final String ROWS = "1000";
    private static final Once<ProcessOutput> WITHOUT = new Once<>(() -> run("batch-plain", List.of()));
    private static final Once<ProcessOutput> BUDGETED = new Once<>(() -> run("batch-agent",
            List.of(ItEnv.javaagent(config("batch-memoguard.yaml")))));
    private static final Once<ProcessOutput> PRESSURE_ONLY = new Once<>(() -> run("batch-pressure",
            List.of(ItEnv.javaagent(unbudgeted()))));
    /** The serial collector reports its old generation's usage differently from G1. */
    private static final Once<ProcessOutput> PRESSURE_ONLY_SERIAL = new Once<>(() -> run(
            "batch-pressure-serial", List.of("-XX:+UseSerialGC", ItEnv.javaagent(unbudgeted()))));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Path unbudgeted() {
        return config("batch-pressure-memoguard.yaml", "  max-bytes: 1g", "  max-total-bytes: 100%");
    }

    private static Path config(String name, String... requestLines) {
        String[] head = {
            "memoize:",
            "  - class: com.example.batch.BlobRepository",
            "requests:",
            "  entry-points:",
            "    - class: com.example.batch.BatchApp",
            "      methods: [scenario*]"};
        String[] all = new String[head.length + requestLines.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(requestLines, 0, all, head.length, requestLines.length);
        return AppRun.config(name, all);
    }

    private static ProcessOutput run(String name, List<String> agent) {
        List<String> args = new java.util.ArrayList<>(HEAP);
        args.addAll(agent);
        try (JvmProcess jvm = JvmProcess.start(name, args, ItEnv.classesDir().toString(), APP,
                List.of(ROWS))) {
            jvm.awaitListening();
            return jvm.awaitExit();
        }
    }

    private static List<String> results(ProcessOutput out) {
        return out.stdoutLines().stream().filter(l -> l.startsWith("RESULT ")).toList();
    }

    @Test
    void withoutTheAgentTheBatchFinishes() {
        ProcessOutput out = WITHOUT.get();
        assertThat(out.exitCode()).as("%s", out).isZero();
        assertThat(results(out)).hasSize(2);
    }

    @Test
    void withTheAgentTheBatchFinishesWithTheSameOutput() {
        ProcessOutput out = BUDGETED.get();
        assertThat(out.exitCode()).as("%s", out).isZero();
        assertThat(out.allLines()).noneMatch(l -> l.contains("OutOfMemoryError"));
        assertThat(results(out)).isEqualTo(results(WITHOUT.get()));
        List<String> dropped = out.memoguardLines().stream()
                .filter(l -> l.contains("dropped to bound memory"))
                .map(l -> l.substring(l.indexOf("[memoguard]"))).toList();
        assertThat(dropped).isNotEmpty().doesNotHaveDuplicates()
                .anyMatch(l -> l.contains("requests.max-bytes"));
    }

    @Test
    void heapPressureAloneKeepsTheBatchAlive() {
        assertAliveUnderPressure(PRESSURE_ONLY.get());
    }

    @Test
    void heapPressureAloneKeepsTheBatchAliveWithTheSerialCollector() {
        assertAliveUnderPressure(PRESSURE_ONLY_SERIAL.get());
    }

    private static void assertAliveUnderPressure(ProcessOutput out) {
        assertThat(out.exitCode()).as("%s", out).isZero();
        assertThat(out.allLines()).noneMatch(l -> l.contains("OutOfMemoryError"));
        assertThat(results(out)).isEqualTo(results(WITHOUT.get()));
        assertThat(out.memoguardLines()).anyMatch(l -> l.contains("heap pressure"));
    }

    @Test
    void aBlobStreamReadTwiceInARequestIsWholeTheSecondTime() {
        ProcessOutput out = BUDGETED.get();
        assertThat(results(out)).contains("RESULT blob first=blob_b1_content second=blob_b1_content");
        assertThat(out.memoguardLines())
                .anyMatch(l -> l.contains("BlobRepository.loadBlob") && l.contains("not memoized")
                        && l.contains("java.io.ByteArrayInputStream"));
    }
}
