package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a small test application: start its JVM, send the requests, stop it, keep the
 * responses and everything it printed.
 */
record AppRun(List<HttpResult> responses, ProcessOutput output) {

    static AppRun of(String name, List<String> jvmArgs, String classpath, String main, List<String> requests) {
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, classpath, main, List.of())) {
            jvm.awaitListening();
            List<HttpResult> responses = new ArrayList<>();
            for (String request : requests) {
                HttpResult r = jvm.get(request);
                assertThat(r.status()).as("%s\n%s", r, jvm.describeOutput()).isEqualTo(200);
                responses.add(r);
            }
            return new AppRun(responses, jvm.stop());
        }
    }

    /** Writes an agent configuration under the IT logs folder, where a failed run can be inspected. */
    static Path config(String fileName, String... lines) {
        try {
            Path config = Files.createDirectories(ItEnv.logsDir().resolve("configs")).resolve(fileName);
            return Files.writeString(config, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
