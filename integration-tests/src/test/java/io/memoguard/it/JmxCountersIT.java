package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The demo with its shipped config: counters read over a JMX connection equal the exit summary. */
class JmxCountersIT {

    /** Summary key and JMX attribute, as an operator would map them. */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("requests", "RequestCount");
        KEYS.put("calls", "CallCount");
        KEYS.put("hits", "HitCount");
        KEYS.put("misses", "MissCount");
        KEYS.put("pass-through", "PassThroughCount");
        KEYS.put("invalidations", "InvalidationCount");
        KEYS.put("invalidations-rule", "RuleInvalidationCount");
        KEYS.put("invalidations-mutation", "MutationInvalidationCount");
        KEYS.put("invalidations-jdbc-write", "JdbcWriteInvalidationCount");
        KEYS.put("mutations", "MutationCount");
        KEYS.put("would-save", "WouldSaveCount");
        KEYS.put("differences", "DifferenceCount");
    }

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    @Test
    void jmxAttributesMatchTheExitSummary() throws Exception {
        try (JvmProcess demo = DemoApp.start("jmx", List.of(ItEnv.javaagent(ItEnv.demoConfig())))) {
            demo.get(DemoApp.CHATTY);
            demo.get("/tenants/acme/mortgages/1/overview");
            demo.post("/tenants/acme/mortgages/1/rate?value=3.75");
            demo.get(DemoApp.CHATTY);
            Map<String, Long> jmx = new LinkedHashMap<>();
            long methodHits;
            com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(demo.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName stats = new ObjectName("io.memoguard:type=Stats");
                for (String attribute : KEYS.values()) {
                    jmx.put(attribute, (Long) server.getAttribute(stats, attribute));
                }
                assertThat((Double) server.getAttribute(stats, "HitRate")).isBetween(0.0, 1.0);
                methodHits = (Long) server.getAttribute(new ObjectName(
                        "io.memoguard:type=Method,name=com.acme.repo.MortgageRepository.getMortgage"), "HitCount");
            }
            ProcessOutput out = demo.stop();
            for (Map.Entry<String, String> key : KEYS.entrySet()) {
                assertThat(jmx.get(key.getValue())).as("%s vs summary %s\n%s", key.getValue(), key.getKey(), out)
                        .isEqualTo(DemoConfigs.summaryCounter(out, key.getKey()));
            }
            assertThat(jmx.get("HitCount")).isPositive();
            assertThat(jmx.get("MutationInvalidationCount")).isPositive();
            assertThat(methodHits).isPositive();
            assertThat(out.stderrLines()).as("%s", out).anyMatch(l -> l.contains(
                    "INFO  method com.acme.repo.MortgageRepository.getMortgage: calls=") && l.contains(" hits=" + methodHits + " "));
        }
    }

    @Test
    void jsonLogWithPeriodicSummaryWhileRunning() throws Exception {
        java.nio.file.Path config = DemoConfigs.withSettings("json-log.yaml", "log:", "  format: json",
                "  summary-interval: 1s");
        try (JvmProcess demo = DemoApp.start("json-log", List.of(ItEnv.javaagent(config)))) {
            demo.get(DemoApp.CHATTY);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline
                    && !demo.outputSoFar().stderr().contains("\"message\":\"summary: requests=1 ")) {
                Thread.sleep(100);
            }
            assertThat(demo.outputSoFar().stderr()).as("a periodic summary before exit\n%s", demo.outputSoFar())
                    .contains("\"message\":\"summary: requests=1 ");
            ProcessOutput out = demo.stop();
            List<String> agentLines = out.stderrLines().stream().filter(l -> l.contains("\"log.logger\":\"memoguard\"")).toList();
            assertThat(agentLines).as("%s", out).isNotEmpty().allMatch(l -> l.matches(
                    "\\{\"@timestamp\":\"\\d{4}-\\d{2}-\\d{2}T[^\"]+Z\",\"log.level\":\"(INFO|WARN|ERROR)\",\"log.logger\":\"memoguard\",\"message\":\".*\""
                            + "(,\"memoguard\\.[a-z-]+\":(\"[^\"]*\"|\\d+))*\\}"));
            // the summary's counters are fields of their own, as numbers
            assertThat(agentLines).as("%s", out).anyMatch(l -> l.contains("\"message\":\"summary: requests=1 ")
                    && l.contains(",\"memoguard.requests\":1,\"memoguard.calls\":"));
            assertThat(out.stderrLines()).as("%s", out).noneMatch(l -> l.contains("[memoguard]"));
        }
    }
}
