package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The demo service started without the agent, which is then attached while it runs: by jcmd (as an
 * operator would, first with the option form jcmd mangles) and by the Attach API.
 */
class RunTimeAttachIT {

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    @Test
    void jcmdAttachSaysWhyTheMangledOptionFailsThenWorksWhenRetriedWithThePath() {
        try (JvmProcess demo = DemoApp.start("attach-jcmd", List.of())) {
            HttpResult before = demo.get(DemoApp.CHATTY);
            assertThat(before.intHeader("X-Db-Queries")).isEqualTo(9);
            String jar = ItEnv.agentJar().toString();
            String config = ItEnv.demoConfig().toAbsolutePath().toString();

            jcmd(demo, "JVMTI.agent_load", jar, "config=" + config);
            assertThat(demo.outputSoFar().stderr()).as("%s", demo.outputSoFar())
                    .contains("ERROR agent option 'config' arrived without its value")
                    .contains("JVMTI.agent_load memoguard-agent.jar /path/memoguard.yaml")
                    .contains("memoguard is disabled");
            jcmd(demo, "JVMTI.agent_load", jar, config);
            jcmd(demo, "JVMTI.agent_load", jar, config);

            HttpResult chatty = demo.get(DemoApp.CHATTY);
            HttpResult overview = demo.get("/tenants/acme/mortgages/1/overview");
            ProcessOutput out = demo.stop();
            assertThat(chatty.intHeader("X-Db-Queries")).as("%s\n%s", chatty, out).isEqualTo(2);
            assertThat(chatty.body()).isEqualTo(before.body());
            assertThat(overview.body()).contains(DemoServiceIT.INVESTOR);
            assertThat(out.stderrLines()).as("%s", out)
                    .anyMatch(l -> l.contains("INFO  memoguard started with") && l.contains("advised by retransformation"))
                    .anyMatch(l -> l.contains("attached to a running JVM") && l.contains("checked on read"))
                    .anyMatch(l -> l.contains("WARN  mutation of Mortgage.product.investor (no barrier there)")
                            && l.contains("com.acme.repo.MortgageRepository.getMortgage"))
                    .anyMatch(l -> l.contains("memoguard is already running in this JVM"))
                    .noneMatch(l -> l.contains("matched no class"));
            assertThat(AgentOutput.exitSummaryLines(out.stderrLines())).hasSize(1);
        }
    }

    @Test
    void attachApiTakesTheKeyValueOption() throws Exception {
        try (JvmProcess demo = DemoApp.start("attach-api", List.of())) {
            HttpResult before = demo.get(DemoApp.CHATTY);
            com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(demo.pid()));
            try {
                vm.loadAgent(ItEnv.agentJar().toString(), "config=" + ItEnv.demoConfig().toAbsolutePath());
            } finally {
                vm.detach();
            }
            HttpResult chatty = demo.get(DemoApp.CHATTY);
            ProcessOutput out = demo.stop();
            assertThat(chatty.intHeader("X-Db-Queries")).as("%s\n%s", chatty, out).isEqualTo(2);
            assertThat(chatty.body()).isEqualTo(before.body());
            assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
        }
    }

    /** Runs jcmd of the JDK running the tests; its exit code is 0 whatever the agent did. */
    static String jcmd(JvmProcess target, String... command) {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(String.valueOf(target.pid()));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jcmd %s", args).isTrue();
            assertThat(process.exitValue()).as("jcmd %s: %s", args, output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + args, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
