package io.memoguard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application JVM started by a test: same java as the one running the tests, stdout and
 * stderr captured to files under {@code target/it-logs}, readiness signalled by a
 * {@code LISTENING port=N} line on stdout, HTTP through java.net.http, normal shutdown
 * (SIGTERM, shutdown hooks run) by {@link #stop()}.
 */
final class JvmProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("LISTENING port=(\\d+)");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Every process started and not yet stopped, so that {@link #killAll()} can clean up after failures. */
    private static final Set<JvmProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;
    private int port = -1;

    private JvmProcess(String name, List<String> command, Process process, Path stdoutFile, Path stderrFile) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    /** The java launcher of the JVM running the tests. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code java <jvmArgs> -cp <classpath> <mainClass> <appArgs>}.
     *
     * @param name a short label, used for the log file names
     */
    static JvmProcess start(String name, List<String> jvmArgs, String classpath, String mainClass, List<String> appArgs) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(appArgs);

        String label = String.format("%03d-%s", SEQUENCE.incrementAndGet(), name);
        Path logs = ItEnv.logsDir();
        Path out = logs.resolve(label + ".stdout.log");
        Path err = logs.resolve(label + ".stderr.log");
        try {
            Files.writeString(logs.resolve(label + ".command.txt"), String.join("\n", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            // a clean environment as far as the JVM is concerned: nothing injects options or agents
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            JvmProcess started = new JvmProcess(label, command, builder.start(), out, err);
            LIVE.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for {@code LISTENING port=N} on stdout; fails with the captured output if the JVM dies or times out. */
    JvmProcess awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(read(stdoutFile));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue()
                        + " before printing 'LISTENING port='\n" + describeOutput());
            }
            sleep(50);
        }
        throw new AssertionError(name + " did not print 'LISTENING port=' within " + START_TIMEOUT + "\n" + describeOutput());
    }

    int port() {
        if (port < 0) {
            throw new IllegalStateException("awaitListening() first");
        }
        return port;
    }

    /** The operating system's id of the JVM, for jcmd. */
    long pid() {
        return process.pid();
    }

    HttpResult get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResult post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    private HttpResult send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(request.method() + " " + request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()),
                    response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(name + ": " + request.method() + " " + request.uri() + " failed: " + e + "\n" + describeOutput(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Normal shutdown: SIGTERM (Process.destroy()), so that shutdown hooks run; waits for the exit
     * and returns everything the JVM printed.
     */
    ProcessOutput stop() {
        if (process.isAlive()) {
            process.destroy();
        }
        return awaitExit(" of SIGTERM");
    }

    /** For an application that exits by itself: waits for the exit and returns everything it printed. */
    ProcessOutput awaitExit() {
        return awaitExit("");
    }

    private ProcessOutput awaitExit(String after) {
        boolean exited;
        try {
            exited = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            kill();
            throw new AssertionError(name + " did not exit within " + STOP_TIMEOUT + after + "\n" + describeOutput());
        }
        LIVE.remove(this);
        return new ProcessOutput(name, process.exitValue(), read(stdoutFile), read(stderrFile));
    }

    /** Output captured so far (the process may still be running). */
    ProcessOutput outputSoFar() {
        return new ProcessOutput(name, process.isAlive() ? -1 : process.exitValue(), read(stdoutFile), read(stderrFile));
    }

    private void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        LIVE.remove(this);
    }

    /** Kills every process this harness started that is still running (for @AfterAll). */
    static void killAll() {
        for (JvmProcess p : new ArrayList<>(LIVE)) {
            p.close();
        }
    }

    String describeOutput() {
        return "--- command: " + String.join(" ", command)
                + "\n--- stdout (" + stdoutFile + "):\n" + tail(read(stdoutFile))
                + "\n--- stderr (" + stderrFile + "):\n" + tail(read(stderrFile));
    }

    private static String tail(String text) {
        return text.length() <= 8000 ? text : "...\n" + text.substring(text.length() - 8000);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // a half-written multi-byte character: try again as ISO-8859-1, which never fails
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One HTTP exchange. */
    record HttpResult(String request, int status, java.util.Map<String, List<String>> headers, String body) {

        /** A response header (case-insensitive name), or null. */
        String header(String headerName) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(headerName)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }

        int intHeader(String headerName) {
            String value = header(headerName);
            if (value == null) {
                throw new AssertionError(request + ": no " + headerName + " header in " + headers);
            }
            return Integer.parseInt(value.trim());
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + headers + "\n" + body;
        }
    }

    /** Everything a stopped JVM printed. */
    record ProcessOutput(String name, int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return lines(stdout);
        }

        List<String> stderrLines() {
            return lines(stderr);
        }

        List<String> allLines() {
            List<String> all = new ArrayList<>(stdoutLines());
            all.addAll(stderrLines());
            return all;
        }

        /** Lines of stdout and stderr containing {@code [memoguard]}. */
        List<String> memoguardLines() {
            return allLines().stream().filter(l -> l.contains("[memoguard]")).toList();
        }

        private static List<String> lines(String text) {
            if (text.isEmpty()) {
                return Collections.emptyList();
            }
            return List.of(text.split("\\R"));
        }

        @Override
        public String toString() {
            return "=== " + name + " (exit " + exitCode + ")\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }
}
