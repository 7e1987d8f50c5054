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
 * A JVM that exits while its request is still open ({@code com.example.exit.ExitInRequestApp}):
 * the hits of that request, served without building a key, are in the exit summary and in the
 * method's line, exactly, both below and above the number of hits a thread holds before adding
 * them to the shared counters.
 */
class ExitInRequestIT {

    private static final String APP = "com.example.exit.ExitInRequestApp";

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    @Test
    void hitsOfARequestOpenAtExitAreInTheSummary() {
        for (int calls : new int[] {10, 10_000}) {
            ProcessOutput out = run(calls);
            assertThat(out.stdoutLines()).as("%s", out).contains("LOADS 1 SUM " + 702L * calls);
            assertThat(DemoConfigs.summaryCounter(out, "requests")).as("%s", out).isEqualTo(1);
            assertThat(DemoConfigs.summaryCounter(out, "calls")).as("%s", out).isEqualTo(calls);
            assertThat(DemoConfigs.summaryCounter(out, "hits")).as("%s", out).isEqualTo(calls - 1);
            assertThat(DemoConfigs.summaryCounter(out, "misses")).as("%s", out).isEqualTo(1);
            assertThat(out.stderrLines()).as("%s", out).anyMatch(l -> l.contains(
                    "method com.example.exit.RateRepository.findRate: calls=" + calls
                    + " hits=" + (calls - 1) + " "));
        }
    }

    private static ProcessOutput run(int calls) {
        try (JvmProcess jvm = JvmProcess.start("exit-in-request-" + calls, List.of(ItEnv.javaagent(config())),
                ItEnv.classesDir().toString(), APP, List.of(Integer.toString(calls)))) {
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

    private static Path config() {
        try {
            Path config = Files.createDirectories(ItEnv.logsDir().resolve("configs"))
                    .resolve("exit-in-request-memoguard.yaml");
            Files.writeString(config, String.join("\n",
                    "memoize:",
                    "  - class: com.example.exit.RateRepository",
                    "requests:",
                    "  entry-points:",
                    "    - class: " + APP,
                    "      methods: [job]",
                    ""));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
