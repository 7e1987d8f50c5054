package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A hostile host against the agent's log, in real JVMs: map keys, exception messages and class
 * loader failures carry {@code SECRET} text and {@code \n[memoguard] ERROR forged}; a change sits at
 * the end of a 100,000-long chain. The agent's output never contains a secret or a forged line,
 * every line is bounded, and the lines still name the position that changed. The host computes
 * the same results with and without the agent.
 */
class LogHygieneIT {
    private static final String[] SCENARIOS = {"map", "chain", "throws", "hostile-loader"};
    /** Generous for a timestamped line of at most 1,000 message characters plus the cut notice. */
    private static final int MAX_LINE = 1_100;

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Path config(String name, String mode) {
        return AppRun.config(name + ".yaml",
                "memoize:",
                "  - class: com.example.hygiene.HygieneRepository",
                "  - class: com.example.hygiene.iso.IsoRepository",
                "guard:",
                "  packages: [com.example.hygiene.domain]",
                "  max-graph-objects: 300000",
                "requests:",
                "  entry-points:",
                "    - class: com.example.hygiene.HygieneJob",
                "      methods: [run]",
                mode);
    }

    private static ProcessOutput withAgent(String name, String modeLine, String... scenarios) {
        return OneShotHost.run(name, List.of(ItEnv.javaagent(config(name, modeLine))), scenarios);
    }

    /** No secret, no forged line, every line bounded, every agent line well-formed. */
    private static void assertClean(ProcessOutput out) {
        assertThat(out.exitCode()).as("%s", out).isZero();
        assertThat(out.stdout() + out.stderr()).as("%s", out).doesNotContain("SECRET").doesNotContain("forged");
        assertThat(out.allLines()).as("%s", out)
                .allSatisfy(l -> assertThat(l.length()).as(l.substring(0, Math.min(200, l.length())))
                        .isLessThanOrEqualTo(MAX_LINE))
                .noneMatch(l -> l.startsWith("[memoguard]"))
                .noneMatch(l -> l.contains("Exception in thread"));
        assertThat(out.memoguardLines()).as("%s", out).allMatch(l -> AgentOutput.LINE.matcher(l).matches());
    }

    @Test
    void invalidateModeLogsPositionsNeverValuesAndComputesWhatTheHostComputes() {
        ProcessOutput without = OneShotHost.run("hygiene-baseline", List.of(), SCENARIOS);
        ProcessOutput with = withAgent("hygiene-invalidate", "on-mutation: invalidate", SCENARIOS);

        assertClean(with);
        assertThat(OneShotHost.results(with)).as("%s", with).isEqualTo(OneShotHost.results(without))
                .hasSize(SCENARIOS.length);
        assertThat(with.memoguardLines()).as("%s", with)
                .anyMatch(l -> l.contains("mutation of HashMap[value#0 (String key)].n (no barrier there)"))
                .anyMatch(l -> l.contains("mutation of Link.next.next.next.next.next.next.next.next[...99983 more...]")
                        && l.contains(".next.value (no barrier there)"));
    }

    @Test
    void logModeNamesTheMapPositionWithoutTheKey() {
        ProcessOutput with = withAgent("hygiene-log", "on-mutation: log", "map");

        assertClean(with);
        assertThat(with.memoguardLines()).as("%s", with)
                .anyMatch(l -> l.contains("mutation of HashMap[value#0 (String key)].n (no barrier there)"));
    }

    @Test
    void verifyModeNamesTheDifferingPositionWithoutTheKey() {
        ProcessOutput with = withAgent("hygiene-verify", "mode: verify", "fresh-map", "fresh-chain", "throws");

        assertClean(with);
        assertThat(with.memoguardLines()).as("%s", with)
                .anyMatch(l -> l.contains("different from the memoized one at HashMap[value#0 (String key)].n;"))
                .anyMatch(l -> l.contains("different from the memoized one at Link.next.next")
                        && l.contains("more...].next.next.next.next.next.next.next.next.value;"));
    }
}
