package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The servlet application of {@code src/servlet-app} (built for javax.servlet and for
 * jakarta.servlet from one source) in a container host, in the container's per-application
 * class loader, once without and once with the agent. Subclasses name the container and the API;
 * each runs two JVMs, shared by all its tests.
 *
 * <p>{@code X-Db-Queries} per request without the agent: /product 4, /discount 2, /async/* 4,
 * /outside 2.
 */
abstract class ServletAppTests {

    static final List<String> REQUESTS = List.of(
            "/product?id=1",
            "/product?id=1",          // nothing of request 0 survives it
            "/discount?id=2",         // changes a memoized product in place
            "/async/start?id=3",      // AsyncContext.start(Runnable)
            "/async/start?id=3",
            "/async/executor?id=4",   // the application's own ExecutorService
            "/async/executor?id=4",
            "/outside?id=5",          // a thread that belongs to no request
            "/product?id=1");         // request threads after all the asynchronous work
    static final int PRODUCT = 0;
    static final int PRODUCT_AGAIN = 1;
    static final int DISCOUNT = 2;
    static final int ASYNC_START = 3;
    static final int ASYNC_START_AGAIN = 4;
    static final int ASYNC_EXECUTOR = 5;
    static final int ASYNC_EXECUTOR_AGAIN = 6;
    static final int OUTSIDE = 7;
    static final int PRODUCT_LAST = 8;

    enum Variant { PLAIN, AGENT }

    /** The subclass's container, held in a static field so that its two JVMs serve every test. */
    abstract Runs<Variant, ContainerRun> runs();

    final ContainerRun plain() {
        return runs().get(Variant.PLAIN);
    }

    final ContainerRun agent() {
        return runs().get(Variant.AGENT);
    }

    /** Runs named {@code name-plain} and {@code name-agent} on embedded Tomcat. */
    static Runs<Variant, ContainerRun> tomcat(String name, String container, String webapp) {
        return new Runs<>(Variant.class, v -> ContainerRun.of(runName(name, v), agentArgs(v), container,
                "com.example.containers.host.TomcatHost", List.of(webappDir(webapp)), REQUESTS));
    }

    /** Runs named {@code name-plain} and {@code name-agent} in a Jetty 12 WebAppContext. */
    static Runs<Variant, ContainerRun> jetty(String name, String environment, String webapp) {
        return new Runs<>(Variant.class, v -> ContainerRun.of(runName(name, v), agentArgs(v),
                "jetty-" + environment, "com.example.containers.host.JettyHost",
                List.of(environment, webappDir(webapp)), REQUESTS));
    }

    private static String runName(String name, Variant variant) {
        return name + (variant == Variant.AGENT ? "-agent" : "-plain");
    }

    private static List<String> agentArgs(Variant variant) {
        return variant == Variant.AGENT ? List.of(ItEnv.javaagent(config())) : List.of();
    }

    private static String webappDir(String webapp) {
        return ItEnv.appsDir().resolve(webapp).toString();
    }

    private static Path config() {
        return AppRun.config("servlet-app-memoguard.yaml",
                "memoize:",
                "  - class: com.example.containers.app.ProductRepository",
                "    methods: [findProduct]",
                "guard:",
                "  packages: [com.example.containers.app.domain]");
    }

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static int queries(ContainerRun run, int request) {
        return run.response(request).intHeader("X-Db-Queries");
    }

    @Test
    void withoutAgentEveryLoadQueriesTheDatabase() {
        ContainerRun run = plain();
        assertThat(queries(run, PRODUCT)).isEqualTo(4);
        assertThat(queries(run, PRODUCT_AGAIN)).isEqualTo(4);
        assertThat(queries(run, DISCOUNT)).isEqualTo(2);
        assertThat(queries(run, ASYNC_START)).isEqualTo(4);
        assertThat(queries(run, ASYNC_EXECUTOR)).isEqualTo(4);
        assertThat(queries(run, OUTSIDE)).isEqualTo(2);
        assertThat(run.output().memoguardLines()).isEmpty();
    }

    @Test
    void responsesAreIdenticalWithAndWithoutAgent() {
        for (int i = 0; i < REQUESTS.size(); i++) {
            HttpResult expected = plain().response(i);
            HttpResult actual = agent().response(i);
            assertThat(actual.body()).as(REQUESTS.get(i)).isEqualTo(expected.body());
            assertThat(actual.header("Content-Type")).as(REQUESTS.get(i)).isEqualTo(expected.header("Content-Type"));
        }
        assertThat(plain().response(PRODUCT).body()).isEqualTo(
                "{\"id\":1,\"name\":\"Product 1\",\"priceCents\":1250,\"priceWithTaxCents\":1500}");
        // the second load after the in-place discount sees the stored price
        assertThat(plain().response(DISCOUNT).body()).isEqualTo("{\"id\":2,\"discountedCents\":750,\"storedCents\":1500}");
    }

    @Test
    void withAgentRepeatedLoadsOnTheRequestThreadQueryOnce() {
        ContainerRun run = agent();
        assertThat(queries(run, PRODUCT)).as("%s", run.output()).isEqualTo(1);
        assertThat(queries(run, PRODUCT_AGAIN)).as("nothing survives a request").isEqualTo(1);
        assertThat(queries(run, PRODUCT_LAST)).as("after the asynchronous requests").isEqualTo(1);
    }

    @Test
    void aChangedMemoizedObjectIsDetectedAndNotServedAgain() {
        ContainerRun run = agent();
        // the in-place change invalidates the entry: the second load queries again
        assertThat(queries(run, DISCOUNT)).isEqualTo(2);
        assertThat(run.output().allLines()).as("%s", run.output())
                .anyMatch(l -> l.contains("[memoguard]") && l.contains("mutation of com.example.containers.app.domain.Product.priceCents"));
        assertThat(AgentOutput.exitSummaryLines(run.output().allLines())).singleElement().asString().contains(" mutations=1 ");
    }

    /** "Not leak": work that is part of no request is never memoized, and no request outlives its end. */
    @Test
    void threadsOutsideAnyRequestAndLaterRequestsSeeNoRequestOfTheirOwn() {
        ContainerRun run = agent();
        assertThat(queries(run, OUTSIDE)).as("two loads on a thread of no request").isEqualTo(2);
        // a request left on a container or executor thread would answer the repeated id from memory
        assertThat(queries(run, ASYNC_START_AGAIN)).isGreaterThanOrEqualTo(1);
        assertThat(queries(run, ASYNC_EXECUTOR_AGAIN)).isGreaterThanOrEqualTo(1);
        assertThat(AgentOutput.exitSummaryLines(run.output().allLines())).singleElement().asString()
                .contains(" requests=" + REQUESTS.size() + " ");
    }

    /** "Not lose": the part of the request that runs in AsyncContext.start(Runnable) is memoized too. */
    @Test
    void asyncContextStartWorkIsMemoizedWithinItsRequest() {
        ContainerRun run = agent();
        assertThat(queries(run, ASYNC_START)).as("%s", run.output()).isEqualTo(1);
        assertThat(queries(run, ASYNC_START_AGAIN)).isEqualTo(1);
    }

    /** "Not lose": async work handed to the application's ExecutorService is memoized too. */
    @Test
    void asyncExecutorWorkIsMemoizedWithinItsRequest() {
        ContainerRun run = agent();
        assertThat(queries(run, ASYNC_EXECUTOR)).as("%s", run.output()).isEqualTo(1);
        assertThat(queries(run, ASYNC_EXECUTOR_AGAIN)).isEqualTo(1);
    }

    @Test
    void agentReportsNoProblem() {
        ProcessOutput out = agent().output();
        assertThat(out.stderrLines()).as("%s", out).anyMatch(AgentOutput::isStartedLine);
        assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
        assertThat(out.allLines()).as("%s", out)
                .noneMatch(l -> l.contains("[memoguard] WARN"))
                .noneMatch(l -> l.contains("LinkageError") || l.contains("NoClassDefFoundError")
                        || l.contains("ClassNotFoundException"));
    }

    @Test
    void undeployedApplicationLeavesNoClassLoaderBehindWithTheAgent() {
        ContainerRun run = agent();
        assertThat(run.appClassesBefore()).as("the application's classes while deployed").isGreaterThan(3);
        assertThat(run.undeployAnswer()).as("%s", run.output()).startsWith("UNDEPLOYED loaderCollected=true");
        assertThat(run.appClassesAfter()).as("the application's classes after undeploy").isZero();
    }

    @Test
    void undeployedApplicationLeavesNoClassLoaderBehindWithoutTheAgent() {
        // the baseline: the application and the host themselves do not leak
        ContainerRun run = plain();
        assertThat(run.appClassesBefore()).isGreaterThan(3);
        assertThat(run.undeployAnswer()).as("%s", run.output()).startsWith("UNDEPLOYED loaderCollected=true");
        assertThat(run.appClassesAfter()).isZero();
    }
}
