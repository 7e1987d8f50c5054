package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mode: verify} on the demo: every call runs as without the agent (same statements, same
 * bodies), the exit summary counts the calls memoization would have saved, and the one repository
 * method whose result legitimately changes between calls (QuoteRepository.getQuote: a new quote
 * reference each time) is reported, while the overview's legitimate write to a memoized object is
 * invalidated by guarding and reported as no difference.
 */
class VerifyModeIT {

    private static final String QUOTES = "/tenants/acme/products/1/quotes";

    private static final Map<String, Function<JvmProcess, HttpResult>> SEQUENCE = new LinkedHashMap<>();

    static {
        SEQUENCE.put("chatty", jvm -> jvm.get(DemoApp.CHATTY));
        SEQUENCE.put("overview", jvm -> jvm.get("/tenants/acme/mortgages/1/overview"));
        SEQUENCE.put("list", jvm -> jvm.get("/tenants/acme/products"));
        SEQUENCE.put("cheapest", jvm -> jvm.get("/tenants/acme/products/cheapest"));
        SEQUENCE.put("write", jvm -> jvm.post("/tenants/acme/mortgages/1/rate?value=3.75"));
        SEQUENCE.put("reread", jvm -> jvm.get(DemoApp.CHATTY));
        SEQUENCE.put("quotes", jvm -> jvm.get(QUOTES));
    }

    record Run(Map<String, HttpResult> responses, ProcessOutput output) {
        HttpResult response(String step) {
            return responses.get(step);
        }
    }

    private static final Once<Run> PLAIN = new Once<>(() -> execute("verify-plain", List.of()));
    /** The verify run's configuration, alone in its directory: the candidates report goes beside it. */
    private static final Once<Path> VERIFY_CONFIG = new Once<>(() -> {
        try {
            Path dir = Files.createTempDirectory(ItEnv.logsDir(), "verify");
            return Files.copy(DemoConfigs.withSettings("verify.yaml", "mode: verify"), dir.resolve("verify.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
    private static final Once<Run> VERIFY = new Once<>(() -> execute("verify-agent",
            List.of(ItEnv.javaagent(VERIFY_CONFIG.get()))));
    private static final Once<Run> SHIPPED = new Once<>(() -> execute("verify-shipped",
            List.of(ItEnv.javaagent(ItEnv.demoConfig()))));
    private static final Once<Run> MEMOIZE = new Once<>(() -> execute("verify-memoize",
            List.of(ItEnv.javaagent(DemoConfigs.withSettings("memoize.yaml")))));

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Run execute(String name, List<String> jvmArgs) {
        try (JvmProcess jvm = DemoApp.start(name, jvmArgs)) {
            Map<String, HttpResult> responses = new LinkedHashMap<>();
            for (var step : SEQUENCE.entrySet()) {
                HttpResult r = step.getValue().apply(jvm);
                assertThat(r.status()).as("%s\n%s", r, jvm.describeOutput()).isEqualTo(200);
                responses.put(step.getKey(), r);
            }
            return new Run(responses, jvm.stop());
        }
    }

    @Test
    void everyCallRunsAsWithoutTheAgent() {
        Run plain = PLAIN.get();
        Run verify = VERIFY.get();
        assertThat(verify.response("chatty").intHeader("X-Db-Queries")).isEqualTo(9);
        for (String step : SEQUENCE.keySet()) {
            assertThat(verify.response(step).intHeader("X-Db-Queries")).as(step)
                    .isEqualTo(plain.response(step).intHeader("X-Db-Queries"));
            if (!step.equals("quotes")) {
                assertThat(verify.response(step).body()).as(step).isEqualTo(plain.response(step).body());
            }
        }
        assertThat(verify.response("quotes").body()).endsWith("\"distinct\":true}");
        assertThat(plain.response("quotes").body()).endsWith("\"distinct\":true}");
    }

    @Test
    void memoizingTheQuoteRepositoryWouldChangeTheResponse() {
        assertThat(MEMOIZE.get().response("quotes").body()).endsWith("\"distinct\":false}");
    }

    @Test
    void theSummaryCountsExactlyTheCallsMemoizationSaves() {
        ProcessOutput verify = VERIFY.get().output();
        ProcessOutput memoize = MEMOIZE.get().output();
        long wouldSave = DemoConfigs.summaryCounter(verify, "would-save");
        assertThat(DemoConfigs.summaryCounter(verify, "hits")).as("%s", verify).isZero();
        // exactly, including the overview, where the second caller of getMortgage writes to the
        // mortgage's product: memoized, that is the shared instance and the write invalidates the
        // entry; in verify mode the caller's fresh copy is guarded as part of the entry, with the
        // same effect
        assertThat(wouldSave).as("%s", verify)
                .isEqualTo(DemoConfigs.summaryCounter(memoize, "hits"))
                .isGreaterThanOrEqualTo(7);
        assertThat(DemoConfigs.summaryCounter(verify, "invalidations"))
                .isEqualTo(DemoConfigs.summaryCounter(memoize, "invalidations"));
        assertThat(DemoConfigs.summaryCounter(verify, "differences")).isEqualTo(1);
    }

    @Test
    void theCandidatesReportSuggestsTheShippedConfigAndWorksAsOne() throws IOException {
        Run verify = VERIFY.get();
        Path report = VERIFY_CONFIG.get().resolveSibling("memoguard-candidates.yaml");
        assertThat(report).as("%s", verify.output()).exists();
        String yaml = Files.readString(report);
        Map<String, Set<String>> suggested = methodsBySection(yaml);
        Run shipped = SHIPPED.get();
        Set<String> memoizedByShipped = new TreeSet<>();
        Matcher line = Pattern.compile("INFO  method (\\S+): calls=\\d+ hits=(\\d+) ").matcher(shipped.output().stderr());
        while (line.find()) {
            if (Long.parseLong(line.group(2)) > 0) {
                memoizedByShipped.add(line.group(1));
            }
        }
        assertThat(memoizedByShipped).as("%s", shipped.output()).isNotEmpty();
        assertThat(suggested.get("memoize")).as(yaml).isEqualTo(memoizedByShipped);
        assertThat(suggested.get("invalidate")).as(yaml).containsExactly("com.acme.repo.QuoteRepository.getQuote");
        assertThat(yaml).contains("first-difference=Quote.reference");
        // adopted as it is, the suggestion saves what the shipped configuration saves
        Run adopted = execute("verify-adopted", List.of(ItEnv.javaagent(report)));
        for (String step : SEQUENCE.keySet()) {
            assertThat(adopted.response(step).intHeader("X-Db-Queries")).as(step)
                    .isEqualTo(shipped.response(step).intHeader("X-Db-Queries"));
            if (!step.equals("quotes")) {
                assertThat(adopted.response(step).body()).as(step).isEqualTo(shipped.response(step).body());
            }
        }
        assertThat(adopted.response("quotes").body()).endsWith("\"distinct\":true}");
        assertThat(AgentOutput.errorLines(adopted.output().allLines())).isEmpty();
    }

    /** The methods each rule section of a candidates report names, as Class.method. */
    private static Map<String, Set<String>> methodsBySection(String yaml) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put("memoize", new TreeSet<>());
        out.put("invalidate", new TreeSet<>());
        String section = null;
        String owner = null;
        for (String l : yaml.split("\n")) {
            if (l.matches("[a-z-]+:.*")) {
                section = l.substring(0, l.indexOf(':'));
            } else if (l.startsWith("  - class: ")) {
                owner = l.substring("  - class: ".length()).strip();
            } else if (l.startsWith("    methods: [") && out.containsKey(section)) {
                for (String m : l.substring(l.indexOf('[') + 1, l.indexOf(']')).split(",")) {
                    out.get(section).add(owner + "." + m.strip());
                }
            }
        }
        return out;
    }

    @Test
    void theDifferenceNamesTheMethodAndPathButNoValue() {
        ProcessOutput out = VERIFY.get().output();
        List<String> warnings = out.memoguardLines().stream().filter(l -> l.contains("verify:")).toList();
        assertThat(warnings).as("%s", out).singleElement().asString().endsWith(
                "[memoguard] WARN  verify: com.acme.repo.QuoteRepository.getQuote returned a result different"
                        + " from the memoized one at Quote.reference; memoizing it would have served stale data");
        String quotes = VERIFY.get().response("quotes").body();
        String offer = quotes.substring(quotes.indexOf(":\"") + 2, quotes.indexOf("\","));
        assertThat(out.allLines()).noneMatch(l -> l.contains(offer));
        assertThat(AgentOutput.errorLines(out.allLines())).isEmpty();
    }
}
