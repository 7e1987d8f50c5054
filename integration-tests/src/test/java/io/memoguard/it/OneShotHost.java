package io.memoguard.it;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code com.example.hygiene.HygieneHost}, a main class that plays the scenarios named as
 * arguments and exits: much cheaper than the demo service for checks that need a real JVM but no
 * HTTP server.
 */
final class OneShotHost {
    static final String MAIN = "com.example.hygiene.HygieneHost";
    private static final long TIMEOUT_MILLIS = 120_000;

    private OneShotHost() {
    }

    /** Starts the host, waits for it to exit by itself and returns everything it printed. */
    static ProcessOutput run(String name, List<String> jvmArgs, String... scenarios) {
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, ItEnv.classesDir().toString(), MAIN,
                List.of(scenarios))) {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            ProcessOutput out = jvm.outputSoFar();
            while (out.exitCode() == -1 && System.currentTimeMillis() < deadline) {
                sleep();
                out = jvm.outputSoFar();
            }
            if (out.exitCode() == -1) {
                throw new AssertionError(name + " did not exit within " + TIMEOUT_MILLIS + " ms\n" + out);
            }
            return jvm.stop();
        }
    }

    /** The RESULT lines the host printed, in order. */
    static List<String> results(ProcessOutput out) {
        List<String> results = new ArrayList<>();
        for (String line : out.stdoutLines()) {
            if (line.startsWith("RESULT ")) {
                results.add(line);
            }
        }
        return results;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
