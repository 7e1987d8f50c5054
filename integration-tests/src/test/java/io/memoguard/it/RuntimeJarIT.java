package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime jar the agent puts on the bootstrap class path is a copy in the temporary directory.
 * A service that is killed (the OOM killer, {@code kill -9}, a container runtime after its grace
 * period) runs no exit hook, so a copy that waits for the exit to be deleted would stay behind at
 * every such start. Here the demo service runs with a temporary directory of its own, serves
 * memoized requests while no copy is left in that directory, and is then killed; and with a
 * temporary directory that cannot be written, it runs as without the agent.
 */
class RuntimeJarIT {

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    @Test
    void aKilledServiceLeavesNoRuntimeJarBehind() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "an open file can be deleted only on a POSIX file system");
        Path tmp = Files.createDirectories(ItEnv.logsDir().resolve("runtime-jar-tmp"));
        try (Stream<Path> stale = Files.list(tmp)) {
            for (Path file : stale.toList()) {
                Files.delete(file);
            }
        }
        JvmProcess jvm = DemoApp.start("runtime-jar",
                List.of("-Djava.io.tmpdir=" + tmp, ItEnv.javaagent(ItEnv.demoConfig())));
        try {
            // the runtime classes load from the copy after its name is gone: requests still work
            // and are memoized (9 queries without the agent, 2 with it)
            JvmProcess.HttpResult first = jvm.get(DemoApp.CHATTY);
            JvmProcess.HttpResult second = jvm.get(DemoApp.CHATTY);
            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("X-Db-Queries")).as("%s", second).isEqualTo("2");
            assertThat(runtimeJars(tmp)).as("copies in %s while the service runs", tmp).isEmpty();
        } finally {
            jvm.close();
        }
        assertThat(runtimeJars(tmp)).as("copies in %s after the kill", tmp).isEmpty();
    }

    /**
     * The copy cannot be written (a temporary directory that does not exist, or is read-only):
     * the service starts and answers as without the agent, and one ERROR line says why.
     */
    @Test
    void aTemporaryDirectoryThatCannotBeWrittenLeavesTheServiceRunningWithoutTheAgent() {
        Path missing = ItEnv.logsDir().resolve("runtime-jar-missing-tmp");
        JvmProcess jvm = DemoApp.start("runtime-jar-no-tmp",
                List.of("-Djava.io.tmpdir=" + missing, ItEnv.javaagent(ItEnv.demoConfig())));
        JvmProcess.HttpResult first;
        JvmProcess.HttpResult second;
        try {
            first = jvm.get(DemoApp.CHATTY);
            second = jvm.get(DemoApp.CHATTY);
        } finally {
            jvm.close();
        }
        JvmProcess.ProcessOutput out = jvm.outputSoFar();
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("X-Db-Queries")).as("not memoized: %s", second).isEqualTo("9");
        assertThat(out.memoguardLines()).as("%s", out).hasSize(1);
        assertThat(out.memoguardLines().get(0)).contains("ERROR").contains("failed to start")
                .contains("memoguard is disabled");
    }

    private static List<Path> runtimeJars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("memoguard-runtime-")).toList();
        }
    }
}
