package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Class-loader layouts in which a write to a guarded field must link and run, and a cached object
 * must still be protected, by its barrier or else by the check on read (issue 9, causes 5 to 8 and
 * 10). Each run of {@code com.example.layouts.LayoutHost} with the agent must print exactly what
 * the same run prints without it; the scenario writes a memoized object and loads it again, so a
 * stale value would show in the output.
 */
class ClassLayoutIT {
    private static final String HOST = "com.example.layouts.LayoutHost";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Path work;
    /** Pet extends Mid extends guarded Base (A), and Pet extends Mid extends Object (B). */
    private static Path dirA;
    private static Path dirB;
    private static Path dirHuge;

    @BeforeAll
    static void compile() throws IOException {
        work = Files.createDirectories(ItEnv.logsDir().resolve("layouts"));
        dirA = LayoutSources.compile(Files.createTempDirectory(work, "a"), true, 0);
        dirB = LayoutSources.compile(Files.createTempDirectory(work, "b"), false, 0);
        dirHuge = LayoutSources.compile(Files.createTempDirectory(work, "huge"), false, 6500);
    }

    private static Path config(String onMutation) {
        return AppRun.config("layouts-" + onMutation + ".yaml",
                "memoize:",
                "  - class: gen.repo.PetRepository",
                "    methods: [find*]",
                "    on-mutation: " + onMutation,
                "guard:",
                "  packages: [" + LayoutSources.CONFIG_PACKAGES + "]",
                "requests:",
                "  entry-points:",
                "    - class: gen.Scenario",
                "      methods: [run]",
                "log:",
                "  level: info");
    }

    private static String agent(String onMutation) {
        return ItEnv.javaagent(config(onMutation));
    }

    @Test
    void sameClassNameWithDifferentSuperclassesInTwoLoadersLinksInBothOrders() {
        Run plain = Run.of(List.of(), "url", dirA + "," + dirB);
        assertThat(plain.results()).containsExactly(
                "RESULT 0 first=changed/noted second=pet1/note", "RESULT 1 first=changed/noted second=pet1/note");
        Run ab = Run.of(List.of(agent("invalidate")), "url", dirA + "," + dirB);
        Run ba = Run.of(List.of(agent("invalidate")), "url", dirB + "," + dirA);
        assertThat(ab.results()).isEqualTo(plain.results());
        assertThat(ba.results()).isEqualTo(plain.results());
        // Pet carries barriers in both loaders: the write is caught where it happens
        assertThat(ab.mutationsAtTheWrite()).isEqualTo(2);
        assertThat(ba.mutationsAtTheWrite()).isEqualTo(2);
    }

    @Test
    void guardedSubclassOfUnguardedSubclassOfGuardedClassInALoaderWithoutResources() throws IOException {
        Path parent = LayoutSources.copy(dirA, Files.createTempDirectory(work, "parent"), "gen/domain", "gen/mid");
        Run plain = Run.of(List.of(), "noresource", parent + "," + dirA);
        Run agent = Run.of(List.of(agent("invalidate")), "noresource", parent + "," + dirA);
        assertThat(agent.results()).isEqualTo(plain.results()).hasSize(1);
        // Pet could not see its ancestry and relies on Base's tracker: still caught at the write
        assertThat(agent.mutationsAtTheWrite()).isEqualTo(1);
    }

    @Test
    void guardedClassThatFailedToTransformIsCheckedOnRead() {
        Run plain = Run.of(List.of(), "url", dirHuge.toString());
        Run agent = Run.of(List.of(agent("invalidate")), "url", dirHuge.toString());
        assertThat(agent.results()).isEqualTo(plain.results()).hasSize(1);
        assertThat(agent.stderr()).contains("could not instrument gen.domain.Pet");
        assertThat(agent.mutationsOnRead()).isEqualTo(1);
    }

    @Test
    void writerClassThatFailedToTransformMakesGuardedObjectsCheckedOnRead() throws IOException {
        Path dir = LayoutSources.compile(Files.createTempDirectory(work, "writer"), false, 0, 6500);
        Run plain = Run.of(List.of(), "url", dir.toString());
        Run agent = Run.of(List.of(agent("invalidate")), "url", dir.toString());
        assertThat(agent.results()).isEqualTo(plain.results()).hasSize(1);
        assertThat(agent.stderr()).contains("could not instrument gen.writer.Writer",
                "class gen.writer.Writer writes guarded fields without barriers");
        // Writer loads (and fails) after the value was memoized: that entry was walked while the
        // barriers were trusted, so it is dropped at its next hit instead of being checked
        assertThat(agent.results().get(0)).endsWith("second=pet1/note");
    }

    @Test
    void runTimeAttachAfterTheGuardedClassLoaded() {
        Run plain = Run.of(List.of(), "url", dirB.toString());
        Run agent = Run.of(List.of("-Djdk.attach.allowAttachSelf=true"), "attach", dirB.toString(),
                ItEnv.agentJar().toString(), config("invalidate").toString());
        assertThat(agent.results()).containsExactly("RESULT early early", plain.results().get(0));
        assertThat(agent.stderr()).contains("attached to a running JVM");
        assertThat(agent.mutationsOnRead()).isEqualTo(1);
    }

    @Test
    void guardedClassOnTheBootClassPath() throws IOException {
        Path boot = LayoutSources.copy(dirB, Files.createTempDirectory(work, "boot"), "gen/domain", "gen/mid");
        Run plain = Run.of(List.of("-Xbootclasspath/a:" + boot), "url", dirB.toString());
        Run agent = Run.of(List.of("-Xbootclasspath/a:" + boot, agent("invalidate")), "url", dirB.toString());
        assertThat(agent.results()).isEqualTo(plain.results()).hasSize(1);
        assertThat(agent.mutationsOnRead()).isEqualTo(1);
    }

    @Test
    void fieldsOfASubclassOutsideTheGuardedPackagesAreCheckedOnRead() {
        Run plain = Run.of(List.of(), "url", dirB.toString(), "jdbc");
        Run agent = Run.of(List.of(agent("invalidate")), "url", dirB.toString(), "jdbc");
        assertThat(plain.results()).containsExactly("RESULT 0 second.typeId=3 third.name=jdbc1");
        assertThat(agent.results()).isEqualTo(plain.results());
        // typeId (JdbcPet's own) and name written through JdbcPet's name: both only seen on read
        assertThat(agent.mutationsOnRead()).isEqualTo(2);
    }

    @Test
    void aCloneOfACachedObjectIsNotPartOfTheValue() {
        Run plain = Run.of(List.of(), "url", dirB.toString(), "clone");
        Run invalidate = Run.of(List.of(agent("invalidate")), "url", dirB.toString(), "clone");
        Run fail = Run.of(List.of(agent("fail")), "url", dirB.toString(), "clone");
        assertThat(plain.results()).containsExactly("RESULT 0 copy=copy2 first=pet1 second=pet1");
        assertThat(invalidate.results()).isEqualTo(plain.results());
        assertThat(fail.results()).isEqualTo(plain.results());
        assertThat(invalidate.stderr()).doesNotContain("mutation of");
        assertThat(fail.stderr()).doesNotContain("mutation of");
    }

    @Test
    void serializedWithoutTheAgentReadsWithItAndTheOtherWayRound() throws IOException {
        for (Path dir : List.of(dirA, dirB)) {
            Path plainFile = Files.createTempFile(work, "plain", ".ser");
            Path agentFile = Files.createTempFile(work, "agent", ".ser");
            assertThat(Run.of(List.of(), "url", dir.toString(), "write", plainFile.toString()).results())
                    .containsExactly("RESULT 0 wrote");
            assertThat(Run.of(List.of(agent("invalidate")), "url", dir.toString(), "write", agentFile.toString())
                    .results()).containsExactly("RESULT 0 wrote");
            List<String> expected = Run.of(List.of(), "url", dir.toString(), "read", plainFile.toString()).results();
            assertThat(expected).hasSize(1);
            assertThat(Run.of(List.of(agent("invalidate")), "url", dir.toString(), "read", plainFile.toString())
                    .results()).as("written without the agent, read with it").isEqualTo(expected);
            assertThat(Run.of(List.of(), "url", dir.toString(), "read", agentFile.toString()).results())
                    .as("written with the agent, read without it").isEqualTo(expected);
        }
    }

    /** One finished JVM run of the layout host. */
    record Run(List<String> results, String stderr) {
        static Run of(List<String> jvmArgs, String mode, String dirs, String... args) {
            List<String> command = new ArrayList<>();
            command.add(JvmProcess.javaExecutable());
            command.add("-XX:TieredStopAtLevel=1");
            command.addAll(jvmArgs);
            command.addAll(List.of("-cp", ItEnv.classesDir().toString(), HOST, mode, dirs));
            command.addAll(List.of(args));
            String label = String.format("layout-%02d", SEQUENCE.incrementAndGet());
            try {
                Path out = work.resolve(label + ".stdout.log");
                Path err = work.resolve(label + ".stderr.log");
                Files.writeString(work.resolve(label + ".command.txt"), String.join("\n", command) + "\n");
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().remove("JAVA_TOOL_OPTIONS");
                builder.environment().remove("JDK_JAVA_OPTIONS");
                builder.environment().remove("_JAVA_OPTIONS");
                Process process = builder.start();
                if (!process.waitFor(JvmProcess.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(label + " did not finish");
                }
                String stdout = Files.readString(out);
                String stderr = Files.readString(err);
                assertThat(process.exitValue()).as("%s exit code\n%s\n%s", label, stdout, stderr).isZero();
                assertThat(stderr).as(label).doesNotContain("NoSuchFieldError", "IncompatibleClassChangeError",
                        "LinkageError", "VerifyError", "ERROR", "Exception in");
                List<String> results = stdout.lines().filter(l -> l.startsWith("RESULT ")).toList();
                return new Run(results, stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** From the exit report's per-site lines: the sites of the writes themselves. */
        long mutationsAtTheWrite() {
            return count(l -> l.contains("mutations at gen.writer.") || l.contains("mutations at gen.domain."));
        }

        /** From the exit report's per-site lines: changes found at the next call. */
        long mutationsOnRead() {
            return count(l -> l.contains("(no barrier there, found at the next call"));
        }

        private long count(java.util.function.Predicate<String> line) {
            java.util.regex.Pattern times = java.util.regex.Pattern.compile(" x(\\d+)");
            return stderr.lines().filter(l -> l.contains("[memoguard]") && line.test(l)).mapToLong(l -> {
                java.util.regex.Matcher m = times.matcher(l);
                long n = 0;
                while (m.find()) {
                    n += Long.parseLong(m.group(1));
                }
                return n;
            }).sum();
        }
    }
}
