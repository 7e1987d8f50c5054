package io.memoguard.it;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every line the agent writes must look like, whatever the host throws at it: one line per
 * event with the agent's prefix, bounded, no values of the application (every value, key and
 * exception message of the hostile host carries {@code SECRET}), no stack traces, no internal errors.
 * The hostile host writes nothing to standard error itself, so every other line there is suspect.
 */
final class LogHygiene {
    static final int MAX_LINE = 2_000;
    private static final Pattern JVM_NOISE = Pattern.compile(
            "^(OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended"
                    + "|OpenJDK 64-Bit Server VM warning: Archived non-system classes are disabled because the java.system.class.loader property is specified.*"
                    + "|WARNING: A Java agent has been loaded dynamically.*|WARNING: If a serviceability tool is in use.*"
                    + "|WARNING: Dynamic loading of agents will be disallowed by default in a future release)$");
    private static final Pattern APP_CRASH = Pattern.compile("^(Exception in thread |Caused by: |\\tat |\\t\\.\\.\\. \\d+ more).*");

    private LogHygiene() {
    }

    /** Every violation in one run's output, one per line (empty when the output is clean). */
    static List<String> violations(ProcessOutput out) {
        List<String> problems = new ArrayList<>();
        for (String line : out.stdoutLines()) {
            if (AgentOutput.LINE.matcher(line).matches() || line.startsWith("[memoguard]")) {
                problems.add("agent output on the application's stdout: " + cut(line));
            }
        }
        boolean inCrash = false;
        for (String line : out.stderrLines()) {
            if (line.length() > MAX_LINE) {
                problems.add("line of " + line.length() + " characters: " + cut(line));
            }
            if (line.contains("SECRET")) {
                problems.add("application value on a log line: " + cut(line));
            }
            if (AgentOutput.LINE.matcher(line).matches()) {
                inCrash = false;
                if (line.contains("internal error")) {
                    problems.add("internal error of the agent: " + cut(line));
                }
                continue;
            }
            if (JVM_NOISE.matcher(line).matches()) {
                continue;
            }
            if (line.startsWith("Exception in thread ")) {
                // an uncaught exception of the application: compared with the run without the agent elsewhere
                inCrash = true;
                continue;
            }
            if (inCrash && APP_CRASH.matcher(line).matches()) {
                continue;
            }
            problems.add(line.contains("[memoguard]") ? "forged or broken agent line: " + cut(line)
                    : line.matches("^\\s+at .*|^Caused by: .*") ? "stack trace line: " + cut(line)
                    : "stray line (a line break inside an agent message?): " + cut(line));
        }
        return problems;
    }

    private static String cut(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "... (" + line.length() + " chars)";
    }
}
