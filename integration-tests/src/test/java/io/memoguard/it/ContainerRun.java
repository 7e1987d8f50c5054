package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the servlet application in a container host ({@code com.example.containers.host}):
 * the requests, then an undeploy through the host's admin port, with the application's classes
 * counted by {@code jcmd VM.class_hierarchy} before and after.
 */
record ContainerRun(List<HttpResult> responses, String undeployAnswer, int appClassesBefore,
        int appClassesAfter, ProcessOutput output) {

    static final String APP_PACKAGE = "com.example.containers.app.";
    private static final Pattern ADMIN = Pattern.compile("ADMIN port=(\\d+)");

    /**
     * @param container the host's library folder under target/apps
     * @param host the launcher's main class
     * @param hostArgs its arguments
     */
    static ContainerRun of(String name, List<String> jvmArgs, String container, String host, List<String> hostArgs,
            List<String> requests) {
        List<String> args = new ArrayList<>(List.of("-Xmx256m"));
        args.addAll(jvmArgs);
        try (JvmProcess jvm = JvmProcess.start(name, args, ItEnv.appClasspath(container), host, hostArgs)) {
            jvm.awaitListening();
            List<HttpResult> responses = new ArrayList<>();
            for (String request : requests) {
                HttpResult r = jvm.get("/app" + request);
                assertThat(r.status()).as("%s\n%s", r, jvm.describeOutput()).isEqualTo(200);
                responses.add(r);
            }
            int before = appClasses(jvm);
            String answer = admin(jvm, "undeploy");
            int after = appClasses(jvm);
            return new ContainerRun(responses, answer, before, after, jvm.stop());
        }
    }

    private static String admin(JvmProcess jvm, String command) {
        Matcher m = ADMIN.matcher(jvm.outputSoFar().stdout());
        assertThat(m.find()).as("no ADMIN port line\n%s", jvm.describeOutput()).isTrue();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
            s.setSoTimeout(120_000);
            new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println(command);
            String answer = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(answer).as("admin %s\n%s", command, jvm.describeOutput()).isNotNull();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded classes of the application's package, whether they have instances or not. */
    private static int appClasses(JvmProcess jvm) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(jvm.pid()), "VM.class_hierarchy")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("jcmd: %s", out).isZero();
            return (int) out.lines().filter(l -> l.contains(APP_PACKAGE)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The response to the {@code index}-th request. */
    HttpResult response(int index) {
        return responses.get(index);
    }
}
