package io.memoguard.it;

import java.util.List;
import java.util.regex.Pattern;

/** What the agent's log lines look like: {@code HH:mm:ss.SSS [memoguard] LEVEL message}. */
final class AgentOutput {

    static final Pattern LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) \\[memoguard\\] (TRACE|DEBUG|INFO|WARN|ERROR) .*");

    private AgentOutput() {
    }

    static boolean isStartedLine(String line) {
        return line.contains("[memoguard] INFO") && line.contains("memoguard") && line.contains("started");
    }

    static List<String> errorLines(List<String> lines) {
        return lines.stream().filter(l -> l.contains("[memoguard] ERROR")).toList();
    }

    /**
     * The exit summary lines: the {@code summary:} lines that end with the start-up figures
     * ({@code transform-ms=}), which the periodic summary (every 60 s by default, so also in a run
     * slowed down by a busy machine) leaves out.
     */
    static List<String> exitSummaryLines(List<String> lines) {
        return lines.stream()
                .filter(l -> l.contains("[memoguard] INFO") && l.contains("summary:") && l.contains(" transform-ms="))
                .toList();
    }
}
