package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A host application with its own slf4j 1.7.36 + logback 1.2.13 (+ its own logback.xml printing
 * {@code HOSTLOG ...} to stdout) and its own Byte Buddy 1.14.18: the agent, which shades newer
 * versions of all of them, must neither disturb the host's logging nor use it.
 */
class HostLoggingIT {

    private static final String MAIN = "com.example.logging.LoggingHost";
    private static final List<String> REQUESTS = List.of("/greet?name=ada", "/greet?name=ada", "/greet?name=bob");

    private static final Once<AppRun> PLAIN = new Once<>(() -> run("logging-plain", List.of()));
    private static final Once<AppRun> AGENT = new Once<>(() -> run("logging-agent", List.of(ItEnv.javaagent(writeConfig()))));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static AppRun plain() {
        return PLAIN.get();
    }

    private static AppRun agent() {
        return AGENT.get();
    }

    private static Path writeConfig() {
        return AppRun.config("logging-memoguard.yaml",
                "memoize:",
                "  - class: com.example.logging.GreetingRepository",
                "    methods: [find*]",
                "guard:",
                "  packages: [com.example.logging.model]",
                "log:",
                "  level: debug");
    }

    private static AppRun run(String name, List<String> jvmArgs) {
        String classpath = ItEnv.appClasspath("logging", ItEnv.appsDir().resolve("logging").resolve("conf"));
        return AppRun.of(name, jvmArgs, classpath, MAIN, REQUESTS);
    }

    @Test
    void hostUsesItsOwnLogbackAndByteBuddy() {
        for (AppRun run : List.of(plain(), agent())) {
            ProcessOutput out = run.output();
            assertThat(out.stdoutLines()).as("%s", out)
                    .contains("HOST-LOGGER-FACTORY ch.qos.logback.classic.LoggerContext")
                    .anyMatch(l -> l.startsWith("HOST-BYTEBUDDY generated=com.example.logging.GeneratedByHost from=")
                            && l.endsWith("byte-buddy-1.14.18.jar"))
                    .anyMatch(l -> l.startsWith("HOSTLOG INFO com.example.logging.LoggingHost - host started on port "))
                    .contains("HOSTLOG INFO com.example.logging.LoggingHost - handled greeting for bob with "
                            + (run == agent() ? 1 : 2) + " repository executions")
                    .contains("HOSTLOG INFO com.example.logging.GreetingRepository - loading greeting for ada (execution 1)");
        }
    }

    @Test
    void agentLogsInItsOwnFormatOnStderrAndNeverThroughTheHostsLogback() {
        ProcessOutput out = agent().output();
        assertThat(out.stderrLines()).as("%s", out).anyMatch(AgentOutput::isStartedLine);
        // every line of the agent has the agent's format ...
        assertThat(out.stderrLines().stream().filter(l -> l.contains("[memoguard]")))
                .as("%s", out)
                .allMatch(l -> AgentOutput.LINE.matcher(l).matches());
        // ... on stderr only, and nothing of it went through the host's logging configuration
        assertThat(out.stdoutLines()).as("%s", out)
                .noneMatch(l -> l.contains("[memoguard]"))
                .noneMatch(l -> l.startsWith("HOSTLOG") && l.toLowerCase(Locale.ROOT).contains("memoguard"));
        assertThat(out.stderrLines()).as("%s", out).noneMatch(l -> l.contains("HOSTLOG"));
        // the host's log lines are the host's only: same set of HOSTLOG lines as without the agent,
        // apart from the execution counts memoization changes
        assertThat(hostLogLoggers(out)).isEqualTo(hostLogLoggers(plain().output()));
    }

    @Test
    void noBindingWarningsNoLinkageProblems() {
        for (ProcessOutput out : List.of(plain().output(), agent().output())) {
            assertThat(out.allLines()).as("%s", out)
                    .noneMatch(l -> l.contains("SLF4J:") || l.contains("SLF4J("))
                    .noneMatch(l -> l.contains("multiple SLF4J bindings"))
                    .noneMatch(l -> l.contains("occurs multiple times")) // logback: several logback.xml on the classpath
                    .noneMatch(l -> l.contains("LinkageError") || l.contains("NoClassDefFoundError")
                            || l.contains("NoSuchMethodError") || l.contains("ClassCastException")
                            || l.contains("ClassNotFoundException"));
        }
        assertThat(AgentOutput.errorLines(agent().output().allLines())).as("%s", agent().output()).isEmpty();
    }

    @Test
    void memoizationWorksInsideTheHttpServerHandler() {
        for (HttpResult r : plain().responses()) {
            assertThat(r.intHeader("X-Repo-Calls")).as("%s", r).isEqualTo(2);
        }
        for (HttpResult r : agent().responses()) {
            assertThat(r.intHeader("X-Repo-Calls")).as("%s\n%s", r, agent().output()).isEqualTo(1);
        }
        for (int i = 0; i < REQUESTS.size(); i++) {
            assertThat(agent().responses().get(i).body()).as(REQUESTS.get(i)).isEqualTo(plain().responses().get(i).body());
        }
        assertThat(plain().responses().get(0).body()).isEqualTo("{\"name\":\"ada\",\"text\":\"Hello, ada!\"}");
    }

    /** The distinct "HOSTLOG LEVEL logger" prefixes a run printed. */
    private static List<String> hostLogLoggers(ProcessOutput out) {
        return out.stdoutLines().stream()
                .filter(l -> l.startsWith("HOSTLOG "))
                .map(l -> l.substring(0, l.indexOf(" - ") < 0 ? l.length() : l.indexOf(" - ")))
                .distinct()
                .sorted()
                .toList();
    }
}
