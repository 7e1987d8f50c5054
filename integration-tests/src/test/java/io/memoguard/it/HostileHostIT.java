package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.memoguard.it.HostileConfigs.Case;
import io.memoguard.it.HostileSuite.Variant;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile host: memoguard must never be the reason a host computes something else or fails.
 * Each scenario of {@code com.example.hostile.HostileApp} runs in its own request without the agent
 * and with it (memoize, verify, on-mutation fail); its result lines must be identical and its round
 * trips may only drop where the scenario allows it. Class-loader layouts run to the same output
 * with and without the agent; broken configurations cost exactly one ERROR line; and every line the
 * agent wrote in any of these JVMs passes the log-hygiene rules. See integration-tests/README.md.
 */
class HostileHostIT {
    private static final Once<HostileSuite> SUITE = new Once<>(HostileSuite::run);
    /** The first factory waits for every JVM of the suite (about a minute on two idle cores). */
    private static final long SUITE_MINUTES = 15;
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\((?:[\\w$]+\\.)*\\w*(?:Exception|Error)\\)");
    private static final Pattern POSITION = Pattern.compile("^:\\d+:\\d+: .*");

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    @TestFactory
    @Timeout(value = SUITE_MINUTES, unit = TimeUnit.MINUTES)
    Stream<DynamicNode> scenarios() {
        HostileSuite suite = SUITE.get();
        Map<String, ScenarioResult> base = ScenarioResult.parse(suite.scenarios.get(Variant.BASE));
        Map<String, ScenarioResult> baseFailsafe = ScenarioResult.parse(suite.scenarios.get(Variant.BASE_FAILSAFE));
        return Stream.of(
                container("memoize vs no agent", base, suite.scenarios.get(Variant.MEMO), false),
                container("verify mode vs no agent", base, suite.scenarios.get(Variant.VERIFY), true),
                container("on-mutation fail vs no agent (scenarios that write no result)", baseFailsafe,
                        suite.scenarios.get(Variant.FAIL), false));
    }

    private static DynamicNode container(String name, Map<String, ScenarioResult> base, ProcessOutput agentRun, boolean verify) {
        Map<String, ScenarioResult> agent = ScenarioResult.parse(agentRun);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("the run completes like the run without the agent", () -> {
            assertThat(agentRun.exitCode()).as("%s", agentRun).isZero();
            assertThat(agentRun.stdoutLines()).as("%s", agentRun).contains("DONE");
            assertThat(agent.keySet()).as("scenarios completed").containsExactlyElementsOf(base.keySet());
        }));
        base.forEach((scenario, expected) -> tests.add(dynamicTest(scenario, () -> {
            ScenarioResult actual = agent.get(scenario);
            assertThat(actual).as("scenario %s did not complete with the agent\n%s", scenario, agentRun).isNotNull();
            assertThat(String.join("\n", actual.results())).as("results of %s with the agent", scenario)
                    .isEqualTo(String.join("\n", expected.results()));
            String trips = String.format("round trips of %s: %d without the agent, %d with it (%s)", scenario,
                    expected.trips(), actual.trips(), verify ? "verify: every call runs" : expected.kind());
            switch (verify ? "EQ" : expected.kind()) {
                case "EQ" -> assertThat(actual.trips()).as(trips).isEqualTo(expected.trips());
                case "MAY" -> assertThat(actual.trips()).as(trips).isLessThanOrEqualTo(expected.trips());
                case "SAVE" -> assertThat(actual.trips()).as(trips).isLessThan(expected.trips());
                default -> throw new AssertionError("unknown kind " + expected.kind());
            }
        })));
        return dynamicContainer(name, tests);
    }

    @TestFactory
    @Timeout(value = SUITE_MINUTES, unit = TimeUnit.MINUTES)
    Stream<DynamicNode> classLoaderLayouts() {
        HostileSuite suite = SUITE.get();
        return Stream.of(dynamicContainer("same results as without the agent", suite.layouts.entrySet().stream()
                        .map(e -> dynamicTest(e.getKey(), () -> named("layout " + e.getKey(),
                                () -> sameResults(e.getValue()[0], e.getValue()[1]))))),
                dynamicContainer("memoguard works there (some round trip saved)", suite.layouts.entrySet().stream()
                        .map(e -> dynamicTest(e.getKey(), () -> named("layout " + e.getKey(),
                                () -> savesRoundTrips(e.getValue()[0], e.getValue()[1]))))));
    }

    /** Surefire's report shows dynamic tests by index: the failure message says which case failed. */
    private static void named(String name, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            AssertionError named = new AssertionError(name + ": " + e.getMessage(), e.getCause());
            named.setStackTrace(e.getStackTrace());
            throw named;
        }
    }

    /** Every request of the layout repeats a call: with the agent working, each one saves a round trip. */
    private static void savesRoundTrips(ProcessOutput base, ProcessOutput agent) {
        Map<String, ScenarioResult> without = ScenarioResult.parse(base);
        Map<String, ScenarioResult> with = ScenarioResult.parse(agent);
        assertThat(with.keySet()).as("%s", agent).containsExactlyElementsOf(without.keySet());
        without.forEach((request, expected) -> assertThat(with.get(request).trips())
                .as("round trips of %s: %d without the agent, %d with it\n%s", request, expected.trips(),
                        with.get(request).trips(), agent)
                .isLessThan(expected.trips()));
    }

    private static void sameResults(ProcessOutput base, ProcessOutput agent) {
        {
            assertThat(base.exitCode()).as("without the agent\n%s", base).isZero();
            assertThat(base.stdoutLines()).as("%s", base).contains("DONE");
            assertThat(agent.exitCode()).as("%s", agent).isEqualTo(base.exitCode());
            assertThat(agent.stdoutLines()).as("%s", agent).contains("DONE");
            Map<String, ScenarioResult> expected = ScenarioResult.parse(base);
            Map<String, ScenarioResult> actual = ScenarioResult.parse(agent);
            assertThat(actual.keySet()).as("%s", agent).containsExactlyElementsOf(expected.keySet());
            expected.forEach((scenario, result) -> {
                assertThat(String.join("\n", actual.get(scenario).results())).as("results of %s with the agent", scenario)
                        .isEqualTo(String.join("\n", result.results()));
                assertThat(actual.get(scenario).trips()).as("round trips of %s", scenario).isLessThanOrEqualTo(result.trips());
            });
            assertThat(agent.stderrLines()).as("the agent started\n%s", agent).anyMatch(AgentOutput::isStartedLine);
            assertThat(agent.stderrLines()).as("%s", agent)
                    .noneMatch(l -> l.startsWith("Exception in thread") || l.contains("LinkageError") || l.contains("NoSuchFieldError"));
        }
    }

    @TestFactory
    @Timeout(value = SUITE_MINUTES, unit = TimeUnit.MINUTES)
    Stream<DynamicNode> brokenConfigurations() {
        HostileSuite suite = SUITE.get();
        return HostileConfigs.all().stream().map(c -> dynamicTest(c.name(), () -> named("configuration " + c.name(),
                () -> checkConfig(suite, c))));
    }

    private static void checkConfig(HostileSuite suite, Case c) {
        ProcessOutput out = suite.configs.get(c.name());
        ProcessOutput base = suite.tinyBaseline;
        assertThat(out.exitCode()).as("%s", out).isZero();
        List<String> errors = AgentOutput.errorLines(out.allLines());
        assertThat(out.allLines()).as("%s", out)
                .noneMatch(l -> l.contains("[memoguard] WARN"))
                .noneMatch(l -> l.startsWith("Exception in thread"));
        if (!c.broken()) {
            assertThat(errors).as("a valid configuration\n%s", out).isEmpty();
            assertThat(ScenarioResult.parse(out).get("tiny").results()).as("%s", out)
                    .isEqualTo(ScenarioResult.parse(base).get("tiny").results());
            return;
        }
        assertThat(out.stdout()).as("the host runs as without the agent (unmemoized)\n%s", out).isEqualTo(base.stdout());
        assertThat(errors).as("exactly one [memoguard] ERROR line\n%s", out).hasSize(1);
        String error = errors.get(0);
        assertThat(out.stderrLines()).as("the ERROR goes to standard error").contains(error);
        String config = suite.configPaths.get(c.name()).toString();
        if (suite.logFile(c.name()) != null) {
            String log = suite.logFile(c.name()).toString();
            assertThat(error.contains(config) || error.contains(log)).as("names the configuration or the log file: %s", error).isTrue();
            return;
        }
        assertThat(error).as("names the configuration file").contains(config);
        // the reason in words; "(NoSuchFileException)" says it in its name
        assertThat(error.replace("(NoSuchFileException)", "")).as("no exception class instead of a reason")
                .doesNotContainPattern(EXCEPTION_CLASS);
        if (c.position()) {
            assertThat(error.substring(error.indexOf(config) + config.length()))
                    .as("line:column right after the path: %s", error).matches(POSITION);
        }
    }

    @TestFactory
    @Timeout(value = SUITE_MINUTES, unit = TimeUnit.MINUTES)
    Stream<DynamicNode> logHygiene() {
        HostileSuite suite = SUITE.get();
        Map<String, ProcessOutput> runs = new LinkedHashMap<>(suite.agentRuns());
        return runs.entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            List<String> problems = LogHygiene.violations(e.getValue());
            assertThat(problems).as("log hygiene of %s (%s)", e.getKey(), e.getValue().name()).isEmpty();
        }));
    }

    /** One scenario's lines in one run. */
    record ScenarioResult(String kind, int trips, List<String> results) {

        static Map<String, ScenarioResult> parse(ProcessOutput out) {
            Map<String, List<String>> results = new LinkedHashMap<>();
            Map<String, ScenarioResult> done = new LinkedHashMap<>();
            for (String line : out.stdoutLines()) {
                String[] parts = line.split(" ", 4);
                if (line.startsWith("R ") && parts.length >= 3) {
                    results.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(line);
                } else if (line.startsWith("T ") && parts.length == 4) {
                    done.put(parts[1], new ScenarioResult(parts[2], Integer.parseInt(parts[3]),
                            results.getOrDefault(parts[1], List.of())));
                }
            }
            return done;
        }
    }
}
