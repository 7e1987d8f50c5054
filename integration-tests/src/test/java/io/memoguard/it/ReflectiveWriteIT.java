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
 * Writes through {@code java.lang.reflect.Field} in a real JVM with the agent: the JDK's own
 * {@code Field} class is retransformed at start-up, so reflective writes to cached guarded objects
 * are seen at the write, with the caller's line, and act per the rule's on-mutation mode. One JVM
 * run ({@code com.example.reflect.ReflectApp}) prints a {@code RESULT} line per scenario.
 */
class ReflectiveWriteIT {

    private static final String APP = "com.example.reflect.ReflectApp";
    private static final String PRICE = "com.example.reflect.domain.Price";
    private static final Once<ProcessOutput> RUN = new Once<>(ReflectiveWriteIT::run);

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static ProcessOutput run() {
        try {
            Path config = Files.createDirectories(ItEnv.logsDir().resolve("configs")).resolve("reflect-memoguard.yaml");
            Files.writeString(config, String.join("\n",
                    "memoize:",
                    "  - class: com.example.reflect.PriceRepository",
                    "  - class: com.example.reflect.StrictRepository",
                    "    on-mutation: fail",
                    "guard:",
                    "  packages: [com.example.reflect.domain]",
                    "requests:",
                    "  entry-points:",
                    "    - class: com.example.reflect.ReflectApp",
                    "      methods: [scenario*]",
                    ""));
            try (JvmProcess jvm = JvmProcess.start("reflect-agent", List.of(ItEnv.javaagent(config)),
                    ItEnv.classesDir().toString(), APP, List.of())) {
                jvm.awaitListening();
                // the application exits by itself; stopping it earlier would cut its exit report short
                ProcessOutput out = jvm.awaitExit();
                assertThat(out.exitCode()).as("%s", out).isZero();
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String result(String name) {
        ProcessOutput out = RUN.get();
        return out.stdoutLines().stream().filter(l -> l.startsWith("RESULT " + name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT " + name + "\n" + out));
    }

    @Test
    void agentStartsCleanlyWithFieldRetransformed() {
        ProcessOutput out = RUN.get();
        assertThat(out.stderrLines()).as("%s", out).anyMatch(AgentOutput::isStartedLine)
                .noneMatch(l -> l.contains("java.lang.reflect.Field"));
        assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
        assertThat(out.allLines()).as("%s", out).noneMatch(l -> l.contains("internal error")
                || l.contains("IllegalAccessError") || l.contains("VerifyError"));
    }

    @Test
    void reflectiveWriteInvalidatesTheEntry() {
        assertThat(result("invalidate")).isEqualTo("RESULT invalidate reloadedAfterSetInt=true "
                + "reloadedAfterSet=true written=5/GBP loads=3");
        assertThat(RUN.get().stderrLines()).as("%s", RUN.get())
                .anyMatch(l -> l.contains("[memoguard] INFO  mutation of " + PRICE + ".amount at " + APP
                        + ".scenarioInvalidate(ReflectApp.java:" + lineOf("amount.setInt(first, 5);") + "): invalidated "
                        + "com.example.reflect.PriceRepository.findPrice, instance handed to 1 caller"))
                .anyMatch(l -> l.contains("mutation of " + PRICE + ".currency at " + APP
                        + ".scenarioInvalidate(ReflectApp.java:" + lineOf("currency.set(third, \"GBP\");") + "): invalidated"));
    }

    @Test
    void failRuleRejectsTheReflectiveWriteBeforeItHappens() {
        String fail = result("fail");
        assertThat(fail).startsWith("RESULT fail thrown=io.memoguard.runtime.MutationRejectedException amount=200 "
                + "stillCached=true loads=1 message=")
                .contains(PRICE + ".amount").contains("com.example.reflect.StrictRepository.findPrice");
        assertThat(RUN.get().stderrLines()).as("%s", RUN.get())
                .anyMatch(l -> l.contains("mutation of " + PRICE + ".amount at " + APP + ".scenarioFail(ReflectApp.java:"
                        + lineOf("amount.setInt(price, 7);") + "): rejected com.example.reflect.StrictRepository.findPrice"));
    }

    @Test
    void repeatedWritesFromOneSiteAreOneLineAndCountedAtExit() {
        assertThat(result("repeat")).isEqualTo("RESULT repeat loads=50");
        String site = APP + ".scenarioRepeat(ReflectApp.java:" + lineOf("amount.setInt(price, i);") + ")";
        List<String> lines = RUN.get().stderrLines();
        assertThat(lines.stream().filter(l -> l.contains("mutation of " + PRICE + ".amount at " + site)))
                .as("%s", RUN.get()).hasSize(1);
        assertThat(lines).as("%s", RUN.get())
                .anyMatch(l -> l.endsWith("[memoguard] INFO  mutations at " + site + ": " + PRICE + ".amount x50"));
    }

    @Test
    void reflectiveWritesToObjectsThatAreNotCachedAreUntouchedAndSilent() {
        assertThat(result("uncached")).isEqualTo("RESULT uncached price=9/JPY label=changed");
        assertThat(RUN.get().stderrLines()).as("%s", RUN.get())
                .noneMatch(l -> l.contains("scenarioUncached"));
    }

    /** The 1-based line of a statement in the application's source. */
    private static int lineOf(String statement) {
        try {
            List<String> source = Files.readAllLines(Path.of("src/main/java/com/example/reflect/ReflectApp.java"));
            for (int i = 0; i < source.size(); i++) {
                if (source.get(i).contains(statement)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(statement + " not in ReflectApp.java");
    }
}
