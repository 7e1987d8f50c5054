package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Spring Boot application (open-in-view on: one persistence context per request, so no new
 * Hibernate session clears the memo table in between) reads a title with a native-query repository
 * method, renames the book with a {@code JdbcTemplate} update, and reads the title again in the
 * same request. With the agent the response is the one without it; with the JDBC write safety net
 * switched off, the second read is served stale from the memo table.
 */
class SpringJdbcWriteIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final String RAW_TITLE = "/books/2/raw-title?value=Tehanu";

    record Run(HttpResult rawTitle, ProcessOutput output) {
    }

    private static final Once<Run> PLAIN = new Once<>(() -> execute("spring-jdbc-plain", null));
    private static final Once<Run> AGENT = new Once<>(() -> execute("spring-jdbc-agent", config("on", true)));
    private static final Once<Run> NET_OFF = new Once<>(() -> execute("spring-jdbc-off", config("off", false)));

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    static void startAll() {
        Once.computeTogether(List.of(PLAIN, AGENT, NET_OFF));
    }

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Path config(String name, boolean clearOnWrite) {
        return AppRun.config("spring-jdbc-" + name + ".yaml",
                "memoize:",
                "  - implements: org.springframework.data.repository.Repository",
                "guard:",
                "  packages: [com.example.library.domain]",
                "jdbc:",
                "  clear-on-write: " + clearOnWrite);
    }

    private static Run execute(String name, Path config) {
        String jar = System.getProperty("memoguard.spring.jar");
        assertThat(jar).as("system property memoguard.spring.jar").isNotBlank();
        Path app = Paths.get(jar).toAbsolutePath().normalize();
        List<String> jvmArgs = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        if (config != null) {
            jvmArgs.add(ItEnv.javaagent(config));
        }
        List<String> appArgs = List.of(app.toString(), "--server.port=0", "--spring.jpa.open-in-view=true");
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, app.toString(), "-jar", appArgs)) {
            awaitListening(jvm);
            HttpResult r = jvm.post(RAW_TITLE);
            assertThat(r.status()).as("%s\n%s", r, jvm.describeOutput()).isEqualTo(200);
            return new Run(r, jvm.stop());
        }
    }

    private static void awaitListening(JvmProcess jvm) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try {
                jvm.awaitListening();
                return;
            } catch (AssertionError notYet) {
                if (jvm.outputSoFar().exitCode() != -1 || System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    @Test
    void withoutTheAgentTheSecondReadSeesTheUpdate() {
        Run plain = PLAIN.get();
        assertThat(plain.rawTitle().body()).as("%s", plain.rawTitle())
                .isEqualTo("{\"id\":2,\"before\":\"The Left Hand of Darkness\",\"after\":\"Tehanu\"}");
        assertThat(plain.rawTitle().intHeader("X-Sql-Statements")).isEqualTo(3);
    }

    @Test
    void withTheAgentTheResponseIsTheSameAsWithout() {
        Run agent = AGENT.get();
        assertThat(agent.rawTitle().body()).as("%s\n%s", agent.rawTitle(), agent.output())
                .isEqualTo(PLAIN.get().rawTitle().body());
        // the repeated read before the update was a memoized hit: memoization is on
        assertThat(agent.rawTitle().intHeader("X-Sql-Statements")).isEqualTo(2);
        assertThat(DemoConfigs.summaryCounter(agent.output(), "jdbc-writes")).isGreaterThanOrEqualTo(1);
        assertThat(AgentOutput.errorLines(agent.output().allLines())).isEmpty();
    }

    @Test
    void withTheSafetyNetOffTheSecondReadIsStale() {
        Run off = NET_OFF.get();
        assertThat(off.rawTitle().body()).as("%s\n%s", off.rawTitle(), off.output())
                .isEqualTo("{\"id\":2,\"before\":\"The Left Hand of Darkness\",\"after\":\"The Left Hand of Darkness\"}");
    }
}
