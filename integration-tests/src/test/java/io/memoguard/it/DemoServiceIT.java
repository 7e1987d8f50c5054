package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The demo service, run three ways on the same request sequence: without the agent, with the
 * agent and its shipped memoguard.yaml, and without the agent but with the demo's deliberately
 * broken {@code --naive-cache} (which shows what undetected mutation of a shared object does).
 */
class DemoServiceIT {

    /** The investor of mortgage 1's product: the overview must show it. */
    static final String INVESTOR = "Northwind Capital";

    /** acme's first product by id, which the catalogue footer of the cheapest endpoint shows. */
    static final String FLAGSHIP = "\"flagship\":\"Fixed 10y\"";

    /** What the footer shows when it gets the list the best-rate banner sorted by rate in place. */
    static final String SORTED_FLAGSHIP = "\"flagship\":\"Variable Tracker\"";

    private static final Pattern SITE = Pattern.compile("com\\.acme\\.service\\.\\w+\\.\\w+\\(\\w+\\.java:\\d+\\)");
    private static final Pattern HITS = Pattern.compile("\\bhits=(\\d+)");

    enum Variant {
        PLAIN(name -> DemoApp.start(name, List.of())),
        AGENT(name -> DemoApp.start(name, List.of(ItEnv.javaagent(ItEnv.demoConfig())))),
        NAIVE(name -> DemoApp.start(name, List.of(), "--naive-cache"));

        final Function<String, JvmProcess> starter;

        Variant(Function<String, JvmProcess> starter) {
            this.starter = starter;
        }
    }

    /** Same requests, same order, for every variant. */
    private static final Map<String, Function<JvmProcess, HttpResult>> SEQUENCE = new LinkedHashMap<>();

    static {
        SEQUENCE.put("health", jvm -> jvm.get("/health"));
        SEQUENCE.put("chatty", jvm -> jvm.get(DemoApp.CHATTY));
        SEQUENCE.put("overview", jvm -> jvm.get("/tenants/acme/mortgages/1/overview"));
        SEQUENCE.put("list", jvm -> jvm.get("/tenants/acme/products"));
        SEQUENCE.put("cheapest", jvm -> jvm.get("/tenants/acme/products/cheapest"));
        // the service and its header helper each call findPage with a PageRequest of their own
        SEQUENCE.put("page", jvm -> jvm.get("/tenants/acme/products/pages/0"));
        SEQUENCE.put("write", jvm -> jvm.post("/tenants/acme/mortgages/1/rate?value=3.75"));
        SEQUENCE.put("reread", jvm -> jvm.get(DemoApp.CHATTY));
        SEQUENCE.put("quotes", jvm -> jvm.get("/tenants/acme/products/1/quotes"));
    }

    record Run(Map<String, HttpResult> responses, ProcessOutput output) {
        HttpResult response(String step) {
            return responses.get(step);
        }
    }

    private static final Runs<Variant, Run> RUNS = new Runs<>(Variant.class, v -> execute(v));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    /** The outcome of a variant's run; the run happens once, for the first test that asks. */
    private static Run run(Variant variant) {
        return RUNS.get(variant);
    }

    /** Start, the request sequence, SIGTERM. */
    private static Run execute(Variant v) {
        try (JvmProcess jvm = v.starter.apply("demo-" + v.name().toLowerCase(java.util.Locale.ROOT))) {
            Map<String, HttpResult> responses = new LinkedHashMap<>();
            for (var step : SEQUENCE.entrySet()) {
                HttpResult r = step.getValue().apply(jvm);
                assertThat(r.status()).as("%s: %s\n%s", v, r, jvm.describeOutput()).isBetween(200, 299);
                responses.put(step.getKey(), r);
            }
            return new Run(responses, jvm.stop());
        }
    }

    @Test
    void withoutAgentTheDemoIsChattyAndSilent() {
        Run plain = run(Variant.PLAIN);
        assertThat(plain.response("chatty").intHeader("X-Db-Queries")).as("%s", plain.response("chatty")).isEqualTo(9);
        assertThat(plain.response("overview").intHeader("X-Db-Queries")).isEqualTo(3);
        assertThat(plain.response("list").intHeader("X-Db-Queries")).isEqualTo(2);
        assertThat(plain.response("cheapest").intHeader("X-Db-Queries")).isEqualTo(2);
        assertThat(plain.response("cheapest").body()).contains(FLAGSHIP);
        assertThat(plain.response("overview").body()).contains(INVESTOR);
        assertThat(plain.output().memoguardLines()).as("%s", plain.output()).isEmpty();
        for (HttpResult r : plain.responses().values()) {
            assertThat(r.header("X-Db-Queries")).as("every response has X-Db-Queries: %s", r).isNotNull();
        }
    }

    @Test
    void agentAnnouncesItself() {
        ProcessOutput out = run(Variant.AGENT).output();
        assertThat(out.stderrLines()).as("%s", out).anyMatch(AgentOutput::isStartedLine);
        assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
    }

    @Test
    void agentCutsTheChattyEndpointToTwoQueries() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        assertThat(agent.response("chatty").intHeader("X-Db-Queries")).as("%s\n%s", agent.response("chatty"), agent.output()).isEqualTo(2);
        assertThat(agent.response("chatty").body()).isEqualTo(plain.response("chatty").body());
    }

    @Test
    void agentCutsTheListEndpointToOneQuery() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        assertThat(agent.response("list").intHeader("X-Db-Queries")).as("%s\n%s", agent.response("list"), agent.output()).isEqualTo(1);
        assertThat(agent.response("list").body()).isEqualTo(plain.response("list").body());
    }

    /**
     * findPage(tenant, PageRequest) from the service and again from its header helper, each with a
     * new PageRequest equal in value (a class without equals): 2 queries without the agent, 1 with it.
     */
    @Test
    void agentServesAPageRequestedTwiceWithEqualValueObjects() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        assertThat(plain.response("page").intHeader("X-Db-Queries")).isEqualTo(2);
        assertThat(plain.response("page").body()).startsWith("{\"header\":\"page 1: Buy-to-Let Fixed to Fixed 10y\"");
        assertThat(agent.response("page").intHeader("X-Db-Queries")).as("%s\n%s", agent.response("page"), agent.output()).isEqualTo(1);
        assertThat(agent.response("page").body()).isEqualTo(plain.response("page").body());
    }

    @Test
    void mutatedCacheEntryIsInvalidatedSoTheOverviewStaysCorrect() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        HttpResult overview = agent.response("overview");
        // 1st getMortgage misses, 2nd hits and its caller mutates the product, 3rd misses again
        assertThat(overview.intHeader("X-Db-Queries")).as("%s\n%s", overview, agent.output()).isEqualTo(2);
        assertThat(overview.body()).isEqualTo(plain.response("overview").body()).contains(INVESTOR);
    }

    @Test
    void mutationIsReportedWithFieldSiteRepositoryMethodAndCallers() {
        ProcessOutput out = run(Variant.AGENT).output();
        List<String> warnings = out.stderrLines().stream()
                .filter(l -> l.contains("[memoguard] WARN") && l.contains("mutation"))
                .toList();
        assertThat(warnings).as("a [memoguard] WARN mutation line in stderr\n%s", out).isNotEmpty();
        assertThat(warnings).as("one WARN line naming field, site, repository method and callers\n%s", out)
                .anyMatch(l -> l.contains("com.acme.domain.Product.investor")
                        && SITE.matcher(l).find()
                        && l.contains("com.acme.repo.MortgageRepository.getMortgage")
                        && l.contains("2 callers"));
        assertThat(out.stdoutLines()).as("agent lines go to stderr\n%s", out).noneMatch(l -> l.contains("[memoguard]"));
    }

    @Test
    void listSortedInPlaceIsDetectedAtTheNextHitSoTheFooterStaysCorrect() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        HttpResult cheapest = agent.response("cheapest");
        // 1st listProducts misses and its caller sorts the list; the 2nd finds the change, misses
        assertThat(cheapest.intHeader("X-Db-Queries")).as("%s\n%s", cheapest, agent.output()).isEqualTo(2);
        assertThat(cheapest.body()).isEqualTo(plain.response("cheapest").body()).contains(FLAGSHIP);
    }

    @Test
    void inPlaceSortIsReportedWithTheListPositionAndRepositoryMethod() {
        ProcessOutput out = run(Variant.AGENT).output();
        // a JDK list carries no write barrier: the change is found, and logged, at the next call
        assertThat(out.stderrLines()).as("a [memoguard] line naming the sorted list and listProducts\n%s", out)
                .anyMatch(l -> AgentOutput.LINE.matcher(l).matches()
                        && l.contains("mutation of ArrayList[0] (no barrier there)")
                        && l.contains("com.acme.repo.ProductRepository.listProducts was called again from "
                                + "com.acme.service.ProductCatalogService.summary(")
                        && l.contains("invalidated com.acme.repo.ProductRepository.listProducts"));
    }

    @Test
    void writesAreVisibleToTheNextRead() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        for (String step : List.of("health", "write", "reread")) {
            assertThat(agent.response(step).body()).as(step).isEqualTo(plain.response(step).body());
        }
        assertThat(agent.response("reread").body()).contains("3.75");
        assertThat(agent.response("reread").body()).isNotEqualTo(agent.response("chatty").body());
    }

    /** Verify mode found getQuote unsafe to memoize (VerifyModeIT); the shipped config keeps it out. */
    @Test
    void shippedConfigLeavesTheQuoteIssuerUnmemoized() {
        Run plain = run(Variant.PLAIN);
        Run agent = run(Variant.AGENT);
        assertThat(plain.response("quotes").body()).endsWith("\"distinct\":true}");
        assertThat(agent.response("quotes").body()).endsWith("\"distinct\":true}");
        assertThat(agent.response("quotes").intHeader("X-Db-Queries"))
                .isEqualTo(plain.response("quotes").intHeader("X-Db-Queries"));
    }

    @Test
    void summaryAtExitCountsHits() {
        ProcessOutput out = run(Variant.AGENT).output();
        List<String> summaries = AgentOutput.exitSummaryLines(out.stderrLines()).stream()
                .filter(l -> l.contains("hits="))
                .toList();
        assertThat(summaries).as("an INFO summary line with hits= at exit\n%s", out).isNotEmpty();
        String summary = summaries.get(0);
        Matcher hits = HITS.matcher(summary);
        assertThat(hits.find()).as(summary).isTrue();
        assertThat(Integer.parseInt(hits.group(1))).as(summary).isPositive();
    }

    @Test
    void naiveCacheCorruptsTheOverviewWhichTheseTestsWouldNotice() {
        Run plain = run(Variant.PLAIN);
        Run naive = run(Variant.NAIVE);
        assertThat(naive.response("overview").body())
                .isNotEqualTo(plain.response("overview").body())
                .doesNotContain(INVESTOR);
        assertThat(naive.output().memoguardLines()).isEmpty();
    }

    @Test
    void naiveCacheLetsTheInPlaceSortReorderTheCatalogueFooter() {
        Run plain = run(Variant.PLAIN);
        Run naive = run(Variant.NAIVE);
        assertThat(naive.response("cheapest").intHeader("X-Db-Queries")).isEqualTo(1);
        assertThat(naive.response("cheapest").body())
                .isNotEqualTo(plain.response("cheapest").body())
                .contains(SORTED_FLAGSHIP)
                .doesNotContain(FLAGSHIP);
    }
}
