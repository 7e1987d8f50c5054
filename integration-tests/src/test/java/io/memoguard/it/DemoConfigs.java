package io.memoguard.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo's shipped rules, written with extra top-level settings for one test's variant. */
final class DemoConfigs {

    private DemoConfigs() {
    }

    static Path withSettings(String fileName, String... extraLines) {
        List<String> lines = new ArrayList<>(List.of(
                "memoize:",
                "  - class: com.acme.repo.*Repository",
                "    methods: [get*, list*, find*]",
                "invalidate:",
                "  - class: com.acme.repo.*Repository",
                "    methods: [save*, update*, delete*]",
                "    clears: class",
                "guard:",
                "  packages: [com.acme.domain]",
                "on-mutation: invalidate"));
        lines.addAll(List.of(extraLines));
        return AppRun.config(fileName, lines.toArray(new String[0]));
    }

    /** A number from the agent's exit summary line, e.g. {@code hits}. */
    static long summaryCounter(JvmProcess.ProcessOutput out, String name) {
        String summary = AgentOutput.exitSummaryLines(out.stderrLines()).stream().reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no summary line\n" + out));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "=(\\d+)").matcher(summary);
        if (!m.find()) {
            throw new AssertionError("no " + name + "= in " + summary);
        }
        return Long.parseLong(m.group(1));
    }
}
