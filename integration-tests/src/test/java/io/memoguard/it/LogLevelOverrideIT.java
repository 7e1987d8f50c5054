package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dmemoguard.log.level} overrides the file's {@code log.level} for one JVM, as
 * {@code -Dmemoguard.config} names the file: the demo's shipped configuration logs at info, and the
 * override must change what reaches the log without changing what the agent does.
 */
class LogLevelOverrideIT {

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private record Run(int chattyQueries, ProcessOutput output) {}

    private static Run run(String name, String level) {
        try (JvmProcess jvm = DemoApp.start(name, List.of("-Dmemoguard.log.level=" + level,
                ItEnv.javaagent(ItEnv.demoConfig())))) {
            int queries = jvm.get(DemoApp.CHATTY).intHeader("X-Db-Queries");
            jvm.get("/tenants/acme/mortgages/1/overview");
            return new Run(queries, jvm.stop());
        }
    }

    @Test
    void warnLevelKeepsTheMutationLineAndDropsTheInfoLines() {
        Run run = run("level-warn", "WARN");
        List<String> agentLines = run.output().allLines().stream().filter(l -> l.contains("[memoguard]")).toList();
        assertThat(run.chattyQueries()).as("%s", run.output()).isEqualTo(2);
        assertThat(agentLines).as("%s", run.output())
                .anyMatch(l -> l.contains(" WARN  mutation of com.acme.domain.Product.investor"))
                .noneMatch(l -> l.contains(" INFO  "));
    }

    @Test
    void aLevelThatIsNoLevelDisablesTheAgentWithOneErrorLine() {
        Run run = run("level-bad", "chatty");
        assertThat(run.chattyQueries()).as("%s", run.output()).isEqualTo(9);
        assertThat(AgentOutput.errorLines(run.output().allLines())).as("%s", run.output())
                .singleElement().asString()
                .contains("system property 'memoguard.log.level' is not a log level")
                .contains("disabled");
        assertThat(run.output().allLines()).noneMatch(AgentOutput::isStartedLine);
    }
}
