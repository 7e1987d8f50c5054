package io.memoguard.it;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One JVM of the hostile-host suite: a plain main that runs to its end and exits by itself, and a
 * small pool that runs such JVMs two at a time ({@code -Dhostile.parallel=N} to change it).
 */
final class HostileRun {
    static final long EXIT_TIMEOUT_MS = 120_000;

    private HostileRun() {
    }

    /**
     * Starts {@code main}, waits until it exits by itself, and returns what it printed. A JVM that
     * hangs is killed and reported through its output (exit code and a last line), so that only the
     * tests looking at that run fail.
     */
    static ProcessOutput run(String name, List<String> jvmArgs, String classpath, String main, List<String> args) {
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, classpath, main, args)) {
            long deadline = System.currentTimeMillis() + EXIT_TIMEOUT_MS;
            while (jvm.outputSoFar().exitCode() == -1) {
                if (System.currentTimeMillis() > deadline) {
                    jvm.close();
                    ProcessOutput cut = jvm.outputSoFar();
                    return new ProcessOutput(cut.name(), cut.exitCode(), cut.stdout(),
                            cut.stderr() + "\nHOSTILE-HOST: killed, did not exit within " + EXIT_TIMEOUT_MS + " ms\n");
                }
                sleep();
            }
            return jvm.stop();
        }
    }

    /** Runs every task, at most {@code hostile.parallel} (default 2) at a time, and returns the results in order. */
    static <T> List<T> all(List<Supplier<T>> tasks) {
        int parallel = Integer.getInteger("hostile.parallel", 2);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> task : tasks) {
                futures.add(pool.submit(task::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("a hostile-host JVM run failed to complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
