package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's back-office endpoint reads a mortgage through the memoized repository, changes its
 * rate with a DAO's own SQL that no memoguard rule names, and reads the mortgage again in the same
 * request. With the JDBC write safety net (the default) the second read is fresh, exactly as
 * without the agent; with the net switched off it is stale, which is what the net prevents.
 */
class JdbcWriteSafetyNetIT {

    private static final String RAW_RATE = "/tenants/acme/mortgages/2/raw-rate?value=4.25";

    record Run(HttpResult chatty, HttpResult rawRate, ProcessOutput output) {
    }

    private static final Once<Run> PLAIN = new Once<>(() -> execute("jdbc-plain", List.of()));
    private static final Once<Run> AGENT = new Once<>(() -> execute("jdbc-agent",
            List.of(ItEnv.javaagent(DemoConfigs.withSettings("jdbc-on.yaml", "log:", "  level: debug")))));
    private static final Once<Run> NET_OFF = new Once<>(() -> execute("jdbc-off",
            List.of(ItEnv.javaagent(DemoConfigs.withSettings("jdbc-off.yaml", "jdbc:", "  clear-on-write: false")))));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Run execute(String name, List<String> jvmArgs) {
        try (JvmProcess jvm = DemoApp.start(name, jvmArgs)) {
            HttpResult chatty = jvm.get(DemoApp.CHATTY);
            HttpResult raw = jvm.post(RAW_RATE);
            assertThat(raw.status()).as("%s\n%s", raw, jvm.describeOutput()).isEqualTo(200);
            return new Run(chatty, raw, jvm.stop());
        }
    }

    @Test
    void withoutTheAgentTheSecondReadSeesTheNewRate() {
        Run plain = PLAIN.get();
        assertThat(plain.rawRate().body()).as("%s", plain.rawRate())
                .startsWith("{\"rateBefore\":3.05,\"after\":{\"id\":2,")
                .contains("\"rate\":4.25,", "\"version\":2,");
        assertThat(plain.rawRate().intHeader("X-Db-Queries")).isEqualTo(3);
    }

    @Test
    void withTheAgentTheResponseIsTheSameAsWithout() {
        Run plain = PLAIN.get();
        Run agent = AGENT.get();
        assertThat(agent.rawRate().body()).as("%s\n%s", agent.rawRate(), agent.output())
                .isEqualTo(plain.rawRate().body());
        assertThat(agent.rawRate().intHeader("X-Db-Queries")).isEqualTo(3);
        // memoization is on in this JVM: the chatty endpoint is cut as usual
        assertThat(agent.chatty().intHeader("X-Db-Queries")).isEqualTo(2);
    }

    @Test
    void theWriteIsLoggedAtDebugWithoutSqlOrValuesAndCounted() {
        ProcessOutput out = AGENT.get().output();
        assertThat(out.memoguardLines()).as("%s", out).filteredOn(l -> l.contains("JDBC write"))
                .singleElement().asString().endsWith(
                        "[memoguard] DEBUG JDBC write via org.h2.jdbc.JdbcPreparedStatement.executeUpdate cleared 1 entry");
        // the message only: a timestamp such as 18:36:54.255 contains "4.25" too
        assertThat(out.memoguardLines().stream().map(l -> l.substring(l.indexOf("[memoguard]"))))
                .noneMatch(l -> l.contains("UPDATE") || l.contains("4.25"));
        assertThat(DemoConfigs.summaryCounter(out, "jdbc-writes")).isEqualTo(1);
        assertThat(DemoConfigs.summaryCounter(out, "invalidations-jdbc-write")).isEqualTo(1);
        assertThat(AgentOutput.errorLines(out.allLines())).isEmpty();
    }

    @Test
    void withTheSafetyNetOffTheSecondReadIsStale() {
        Run off = NET_OFF.get();
        assertThat(off.rawRate().body()).as("%s\n%s", off.rawRate(), off.output())
                .contains("\"rate\":3.05,", "\"version\":1,")
                .isNotEqualTo(PLAIN.get().rawRate().body());
        assertThat(off.rawRate().intHeader("X-Db-Queries")).isEqualTo(2);
        assertThat(DemoConfigs.summaryCounter(off.output(), "jdbc-writes")).isZero();
    }
}
