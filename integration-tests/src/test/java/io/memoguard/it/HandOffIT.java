package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Work a request hands to other threads: the demo's fan-out endpoints load the tenant and the
 * mortgage the request loaded itself from four tasks on a fixed thread pool, on
 * {@code CompletableFuture.supplyAsync}, on the common ForkJoinPool and (JDK 21+) on virtual
 * threads. Run without the agent, with the agent, and with the agent but {@code requests.propagate:
 * false}. The tasks count their statements on their own threads; the response reports the total.
 */
class HandOffIT {

    private static final String MORTGAGE = "/tenants/acme/mortgages/1";
    /** The request's own 2 loads plus 2 per task, 4 tasks. */
    private static final int FAN_OUT_STATEMENTS = 2 + 4 * 2;
    private static final Pattern COUNTER = Pattern.compile("\\b(requests|calls|hits|handed-off)=(\\d+)");

    enum Variant { PLAIN, AGENT, NOT_PROPAGATED }

    /** Fan-out endpoints by how they hand work off; virtual threads only where the JDK has them. */
    static List<String> fanOuts() {
        List<String> vias = new ArrayList<>(List.of("pool", "async", "forkjoin"));
        if (Runtime.version().feature() >= 21) {
            vias.add("virtual");
        }
        return vias;
    }

    record Run(Map<String, HttpResult> responses, ProcessOutput output) {
        HttpResult response(String step) {
            return responses.get(step);
        }

        long counter(String name) {
            List<String> summaries = AgentOutput.exitSummaryLines(output.stderrLines());
            assertThat(summaries).as("%s", output).hasSize(1);
            Matcher m = COUNTER.matcher(summaries.get(0));
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return Long.parseLong(m.group(2));
                }
            }
            throw new AssertionError("no " + name + "= in " + summaries.get(0));
        }
    }

    private static final Runs<Variant, Run> RUNS = new Runs<>(Variant.class, v -> execute(v));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Run execute(Variant v) {
        String name = "handoff-" + v.name().toLowerCase(Locale.ROOT);
        List<String> jvmArgs = switch (v) {
            case PLAIN -> List.of();
            case AGENT -> List.of(ItEnv.javaagent(ItEnv.demoConfig()));
            case NOT_PROPAGATED -> List.of(ItEnv.javaagent(notPropagatedConfig()));
        };
        Map<String, Function<JvmProcess, HttpResult>> sequence = new LinkedHashMap<>();
        sequence.put("chatty", jvm -> jvm.get(MORTGAGE));
        for (String via : fanOuts()) {
            sequence.put(via, jvm -> jvm.get(MORTGAGE + "/fan-out/" + via));
        }
        // after every pool thread has run work of a request: work submitted outside any request
        sequence.put("unrelated", jvm -> jvm.get(MORTGAGE + "/unrelated-pool-work"));
        for (String via : fanOuts()) {
            sequence.put(via + "-again", jvm -> jvm.get(MORTGAGE + "/fan-out/" + via));
        }
        try (JvmProcess jvm = DemoApp.start(name, jvmArgs)) {
            Map<String, HttpResult> responses = new LinkedHashMap<>();
            for (var step : sequence.entrySet()) {
                HttpResult r = step.getValue().apply(jvm);
                assertThat(r.status()).as("%s %s: %s\n%s", v, step.getKey(), r, jvm.describeOutput())
                        .isEqualTo(200);
                responses.put(step.getKey(), r);
            }
            return new Run(responses, jvm.stop());
        }
    }

    private static Path notPropagatedConfig() {
        try {
            Path config = ItEnv.logsDir().resolve("memoguard-not-propagated.yaml");
            Files.writeString(config, Files.readString(ItEnv.demoConfig())
                    + "\nrequests:\n  propagate: false\n");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statements(Run run, String step) {
        return run.response(step).intHeader("X-Db-Queries");
    }

    @Test
    void withoutTheAgentEveryTaskQueriesTheDatabase() {
        Run plain = RUNS.get(Variant.PLAIN);
        for (String via : fanOuts()) {
            assertThat(statements(plain, via)).as(via).isEqualTo(FAN_OUT_STATEMENTS);
            assertThat(statements(plain, via + "-again")).as(via).isEqualTo(FAN_OUT_STATEMENTS);
            assertThat(plain.response(via).body()).as(via).contains("\"tasks\":4", "\"borrower\":");
        }
        assertThat(plain.response("unrelated").body()).isEqualTo("{\"statements\":2}");
    }

    @Test
    void withTheAgentTasksOnOtherThreadsReuseWhatTheRequestLoaded() {
        Run agent = RUNS.get(Variant.AGENT);
        for (String via : fanOuts()) {
            assertThat(statements(agent, via)).as("%s\n%s", via, agent.output()).isEqualTo(2);
            // a later request on the same threads starts empty: its own two loads again
            assertThat(statements(agent, via + "-again")).as(via).isEqualTo(2);
        }
        assertThat(AgentOutput.errorLines(agent.output().allLines())).as("%s", agent.output()).isEmpty();
    }

    @Test
    void responsesAreIdenticalWithAndWithoutTheAgent() {
        Run plain = RUNS.get(Variant.PLAIN);
        for (Variant v : List.of(Variant.AGENT, Variant.NOT_PROPAGATED)) {
            Run run = RUNS.get(v);
            for (String step : plain.responses().keySet()) {
                assertThat(run.response(step).body()).as("%s %s", v, step)
                        .isEqualTo(plain.response(step).body());
            }
        }
    }

    @Test
    void workOnAPoolThreadOutsideAnyRequestIsNotMemoized() {
        Run agent = RUNS.get(Variant.AGENT);
        assertThat(agent.response("unrelated").body()).isEqualTo("{\"statements\":2}");
        // only calls inside a request are counted: the chatty page's 9 and each fan-out's 2 + 4 * 2;
        // a request left on a pool thread would add the unrelated task's 2 calls
        int fanOutRequests = 2 * fanOuts().size();
        assertThat(agent.counter("calls")).as("%s", agent.output()).isEqualTo(9 + 10L * fanOutRequests);
        assertThat(agent.counter("hits")).isEqualTo(7 + 8L * fanOutRequests);
        assertThat(agent.counter("requests")).as("one per HTTP request; tasks open none")
                .isEqualTo(agent.responses().size());
        assertThat(agent.counter("handed-off")).isGreaterThanOrEqualTo(4L * fanOutRequests);
    }

    @Test
    void withPropagationOffTasksOnOtherThreadsRunOutsideTheRequest() {
        Run off = RUNS.get(Variant.NOT_PROPAGATED);
        // a ForkJoinPool (and CompletableFuture.join on it) may run a task on the calling thread,
        // inside the request: only the pool and virtual threads always use other threads
        for (String via : fanOuts()) {
            int statements = statements(off, via);
            if (via.equals("pool") || via.equals("virtual")) {
                assertThat(statements).as(via).isEqualTo(FAN_OUT_STATEMENTS);
            } else {
                assertThat(statements).as(via).isBetween(2, FAN_OUT_STATEMENTS);
            }
        }
        assertThat(off.counter("handed-off")).isZero();
        assertThat(AgentOutput.errorLines(off.output().allLines())).as("%s", off.output()).isEmpty();
    }
}
