package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Request parking on the demo's rate table: 20 concurrent clients (10 per tenant) on a cold cache.
 * Without the agent every request misses the service's own cache and recomputes; with the shipped
 * configuration ({@code park: true}) the recompute runs once per tenant and the other requests wait
 * for it, then find the cache filled. With the agent but the park lines removed, the stampede is
 * back: parking, not memoization, is what removes it. Bodies are identical in every variant.
 */
class ParkingDemoIT {
    static final List<String> TENANTS = List.of("acme", "globex");
    static final int CLIENTS = 20;
    private static final Pattern RECOMPUTES = Pattern.compile("\"recomputes\":(\\d+)");

    enum Variant {
        PLAIN(name -> DemoApp.start(name, List.of())),
        PARK(name -> DemoApp.start(name, List.of(ItEnv.javaagent(ItEnv.demoConfig())))),
        AGENT_WITHOUT_PARK(name -> DemoApp.start(name, List.of(ItEnv.javaagent(configWithoutPark()))));

        final Function<String, JvmProcess> starter;

        Variant(Function<String, JvmProcess> starter) {
            this.starter = starter;
        }
    }

    record Burst(List<HttpResult> responses, int recomputes, ProcessOutput output) {
        List<HttpResult> of(String tenant) {
            return responses.stream().filter(r -> r.request().contains("/" + tenant + "/")).toList();
        }

        int statements() {
            return responses.stream().mapToInt(r -> r.intHeader("X-Db-Queries")).sum();
        }
    }

    private static final Runs<Variant, Burst> RUNS = new Runs<>(Variant.class, v -> execute(v));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Burst execute(Variant v) {
        try (JvmProcess jvm = v.starter.apply("parking-" + v.name().toLowerCase(java.util.Locale.ROOT))) {
            List<HttpResult> responses = concurrently(jvm);
            for (HttpResult r : responses) {
                assertThat(r.status()).as("%s: %s\n%s", v, r, jvm.describeOutput()).isEqualTo(200);
            }
            Matcher count = RECOMPUTES.matcher(jvm.get("/admin/rate-table-recomputes").body());
            assertThat(count.find()).isTrue();
            return new Burst(responses, Integer.parseInt(count.group(1)), jvm.stop());
        }
    }

    /** All clients are released at once; each sends one request, half of them per tenant. */
    private static List<HttpResult> concurrently(JvmProcess jvm) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String path = "/tenants/" + TENANTS.get(i % TENANTS.size()) + "/rate-table";
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return jvm.get(path);
                }, clients));
            }
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shipped configuration minus its park options. */
    private static Path configWithoutPark() {
        try {
            String shipped = Files.readString(ItEnv.demoConfig());
            String stripped = shipped.replaceAll("(?m)^\\s*park(-timeout-ms)?:.*\\R", "");
            assertThat(stripped).doesNotContain("park:").contains("getRateTable");
            Path file = Files.createTempFile(ItEnv.logsDir(), "memoguard-no-park", ".yaml");
            return Files.writeString(file, stripped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Burst run(Variant v) {
        return RUNS.get(v);
    }

    @Test
    void withParkingTheRecomputeRunsOncePerTenant() {
        Burst park = run(Variant.PARK);
        assertThat(park.recomputes()).as("%s", park.output()).isEqualTo(TENANTS.size());
        assertThat(park.statements()).as("one statement per recompute, none for the others")
                .isEqualTo(TENANTS.size());
        String summary = AgentOutput.exitSummaryLines(park.output().stderrLines()).get(0);
        assertThat(summary).contains("park-timeouts=0").doesNotContain("parked=0 ");
        assertThat(AgentOutput.errorLines(park.output().allLines())).as("%s", park.output()).isEmpty();
    }

    @Test
    void withoutTheAgentConcurrentRequestsEachRecompute() {
        Burst plain = run(Variant.PLAIN);
        System.out.println("rate-table recomputes for " + CLIENTS + " concurrent clients, " + TENANTS.size()
                + " tenants: no agent " + plain.recomputes() + ", agent without park "
                + run(Variant.AGENT_WITHOUT_PARK).recomputes() + ", agent with park "
                + run(Variant.PARK).recomputes());
        // timing decides the exact number; a cold cache under 20 simultaneous requests misses many times
        assertThat(plain.recomputes()).isGreaterThanOrEqualTo(2 * TENANTS.size());
        assertThat(plain.statements()).isEqualTo(plain.recomputes());
    }

    @Test
    void memoizationAloneDoesNotStopTheStampede() {
        Burst noPark = run(Variant.AGENT_WITHOUT_PARK);
        assertThat(noPark.recomputes()).as("%s", noPark.output()).isGreaterThanOrEqualTo(2 * TENANTS.size());
        assertThat(AgentOutput.exitSummaryLines(noPark.output().stderrLines()).get(0)).contains("parked=0 ");
    }

    @Test
    void bodiesAreIdenticalWithAndWithoutTheAgent() {
        Burst plain = run(Variant.PLAIN);
        Burst park = run(Variant.PARK);
        for (String tenant : TENANTS) {
            String expected = plain.of(tenant).get(0).body();
            assertThat(expected).contains("\"tenant\":\"" + tenant + "\"", "\"monthly\":[");
            assertThat(plain.of(tenant)).hasSize(CLIENTS / TENANTS.size())
                    .allSatisfy(r -> assertThat(r.body()).isEqualTo(expected));
            assertThat(park.of(tenant)).hasSize(CLIENTS / TENANTS.size())
                    .allSatisfy(r -> assertThat(r.body()).isEqualTo(expected));
        }
    }
}
