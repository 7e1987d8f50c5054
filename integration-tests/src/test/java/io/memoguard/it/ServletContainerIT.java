package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A jakarta.servlet application on embedded Jetty 12 (ee10): the request boundary is the
 * outermost Filter.doFilter / Servlet.service. {@code GET /item?sku=X} executes
 * CatalogRepository.findItem five times (filter once, two services twice each).
 */
class ServletContainerIT {

    private static final String MAIN = "com.example.shop.ShopServer";
    private static final List<String> REQUESTS = List.of("/item?sku=A-100", "/item?sku=A-100", "/item?sku=B-7");

    private static final Once<AppRun> PLAIN = new Once<>(() -> run("shop-plain", List.of()));
    private static final Once<AppRun> AGENT = new Once<>(() -> run("shop-agent", List.of(ItEnv.javaagent(writeConfig()))));

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
        return AppRun.config("shop-memoguard.yaml",
                "memoize:",
                "  - class: com.example.shop.CatalogRepository",
                "    methods: [findItem]",
                "guard:",
                "  packages: [com.example.shop.domain]",
                "on-mutation: log");
    }

    private static AppRun run(String name, List<String> jvmArgs) {
        return AppRun.of(name, jvmArgs, ItEnv.appClasspath("shop"), MAIN, REQUESTS);
    }

    @Test
    void withoutAgentEveryCallExecutes() {
        AppRun run = plain();
        for (HttpResult r : run.responses()) {
            assertThat(r.intHeader("X-Repo-Calls")).as("%s", r).isEqualTo(5);
        }
        assertThat(run.output().memoguardLines()).as("%s", run.output()).isEmpty();
    }

    @Test
    void withAgentTheRepositoryExecutesOncePerRequest() {
        AppRun run = agent();
        for (HttpResult r : run.responses()) {
            // one execution per request, also for the repeated request: nothing survives a request
            assertThat(r.intHeader("X-Repo-Calls")).as("%s\n%s", r, run.output()).isEqualTo(1);
        }
    }

    @Test
    void responsesAreIdenticalWithAndWithoutAgent() {
        List<HttpResult> expected = plain().responses();
        List<HttpResult> actual = agent().responses();
        for (int i = 0; i < REQUESTS.size(); i++) {
            assertThat(actual.get(i).body()).as(REQUESTS.get(i)).isEqualTo(expected.get(i).body());
            assertThat(actual.get(i).header("Content-Type")).isEqualTo(expected.get(i).header("Content-Type"));
        }
        assertThat(expected.get(0).body()).contains("\"sku\":\"A-100\"").contains("\"name\":\"Item A-100\"");
    }

    @Test
    void callsOutsideAnyRequestAreNotMemoized() {
        assertThat(plain().output().stdoutLines()).contains("STARTUP findItem executions=2");
        assertThat(agent().output().stdoutLines()).as("%s", agent().output()).contains("STARTUP findItem executions=2");
    }

    @Test
    void agentAnnouncesItselfAndReportsNoProblem() {
        ProcessOutput out = agent().output();
        assertThat(out.stderrLines()).as("%s", out).anyMatch(AgentOutput::isStartedLine);
        assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
        assertThat(out.allLines()).as("%s", out)
                .noneMatch(l -> l.contains("[memoguard] WARN"))
                .noneMatch(l -> l.contains("LinkageError") || l.contains("NoClassDefFoundError"));
        // Jetty's own slf4j 2 finds no provider either way: the agent's shaded logging is not discoverable
        assertThat(out.allLines().stream().filter(l -> l.contains("SLF4J")).toList())
                .as("%s", out)
                .isEqualTo(plain().output().allLines().stream().filter(l -> l.contains("SLF4J")).toList());
    }
}
