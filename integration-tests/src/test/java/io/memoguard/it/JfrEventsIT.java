package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The demo with the agent and a flight recording: memoguard's events are in the file. */
class JfrEventsIT {

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    @Test
    void recordingHoldsTheOverviewMutationWithFieldSiteAndMethod() throws Exception {
        Path file = Files.createTempDirectory(ItEnv.logsDir(), "jfr").resolve("demo.jfr");
        List<String> jvmArgs = List.of(ItEnv.javaagent(ItEnv.demoConfig()),
                "-XX:StartFlightRecording=filename=" + file + ",dumponexit=true");
        ProcessOutput out;
        try (JvmProcess demo = DemoApp.start("jfr", jvmArgs)) {
            demo.get(DemoApp.CHATTY);
            demo.get("/tenants/acme/mortgages/1/overview");
            out = demo.stop();
        }
        assertThat(file).as("%s", out).exists();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> mutations = named(events, "io.memoguard.Mutation");
        assertThat(mutations).as("%s", out).anySatisfy(m -> {
            assertThat(m.getString("field")).isEqualTo("com.acme.domain.Product.investor");
            // the setter wrote; the service that called it is the site an operator looks for
            assertThat(m.getString("site")).isEqualTo("com.acme.domain.Product.setInvestor(Product.java:45)");
            assertThat(m.getString("via")).matches("com\\.acme\\.service\\.\\w+\\.\\w+\\(\\w+\\.java:\\d+\\)");
            assertThat(m.getString("methods")).contains("com.acme.repo.MortgageRepository.getMortgage");
            assertThat(m.getInt("callers")).isEqualTo(2);
            assertThat(m.getString("action")).isEqualTo("invalidated");
            assertThat(m.getString("detection")).isEqualTo("barrier");
        });
        assertThat(named(events, "io.memoguard.Invalidation")).as("%s", out).anySatisfy(i -> {
            assertThat(i.getString("method")).isEqualTo("com.acme.repo.MortgageRepository.getMortgage");
            assertThat(i.getString("cause")).isEqualTo("mutation");
        });
        // the chatty request: 9 memoized calls, 2 of them run (getMortgage, getTenant)
        assertThat(named(events, "io.memoguard.Request")).as("%s", out)
                .anySatisfy(r -> assertThat(List.of(r.getInt("hits"), r.getInt("misses"))).containsExactly(7, 2));
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }
}
