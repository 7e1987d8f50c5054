package io.memoguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.it.JvmProcess.HttpResult;
import io.memoguard.it.JvmProcess.ProcessOutput;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Spring Boot 4 application (Spring MVC on Tomcat, Spring Data JPA, Hibernate 7, H2; module
 * it-spring-app) run as its executable jar with {@code java -jar}, with and without the agent, with
 * open-in-view on and off: four JVMs, started in parallel, each sent the same requests one after
 * the other. {@code X-Sql-Statements} is the number of statements Hibernate prepared during the
 * request.
 *
 * <p>The agent is configured the way a Spring Data user would: every repository
 * ({@code implements: org.springframework.data.repository.Repository}, which matches the JDK
 * dynamic proxies Spring Data creates and also its SimpleJpaRepository) is memoized, and the
 * entities' package is guarded.
 *
 * <p>Measured SQL statements per request (Spring Boot 4.1.2, Hibernate 7.4.13, H2 2.4.240):
 * <pre>
 *                      open-in-view        no open-in-view
 *                      no agent  agent     no agent  agent
 *   GET /books/1          3        3          5      4
 *   GET /books/1/summary  1        1          3      1
 *   GET /books/isbn/..    5        3          5      3
 *   POST rename           4        4          4      4
 *   GET /books?page=0     4        2          4      2
 *   GET /books/2/catalog  0 (2)    0 (1)      0 (2)  0 (1)   (in parentheses: JDBC repository statements)
 *   POST retitle          2        2          3      3
 * </pre>
 * The exact counts with the agent are explained in {@link #agentStatementCountsAsMeasured()}.
 */
class SpringBootIT {

    /** How long a Spring Boot JVM may take to print LISTENING (the harness waits 60 s at a time). */
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final Pattern HITS = Pattern.compile("\\bhits=(\\d+)");
    private static final String NEW_TITLE = "The Dispossessed: An Ambiguous Utopia";

    enum Variant {
        PLAIN_OIV(true, false),
        AGENT_OIV(true, true),
        PLAIN_NO_OIV(false, false),
        AGENT_NO_OIV(false, true);

        final boolean openInView;
        final boolean agent;

        Variant(boolean openInView, boolean agent) {
            this.openInView = openInView;
            this.agent = agent;
        }
    }

    /** Same requests, same order, for every variant. */
    private static final Map<String, Function<JvmProcess, HttpResult>> SEQUENCE = new LinkedHashMap<>();

    static {
        // controller -> StockService.findById, PricingService.findById (no transaction each),
        // then BookQueryService.details in a read-only transaction: findById, author proxy, books bag
        SEQUENCE.put("book", jvm -> jvm.get("/books/1"));
        // three findById through the layers, no transaction; never touches author or books
        SEQUENCE.put("summary", jvm -> jvm.get("/books/1/summary"));
        // one read-only transaction: findByIsbn three times (a JPQL query each), author, books
        SEQUENCE.put("isbn", jvm -> jvm.get("/books/isbn/978-0-00-000002-2"));
        // nothing survives a request
        SEQUENCE.put("book-again", jvm -> jvm.get("/books/1"));
        // load, change, save, details: one read-write transaction
        SEQUENCE.put("rename", jvm -> jvm.post("/books/3/title?value=The%20Dispossessed%3A%20An%20Ambiguous%20Utopia"));
        // the database, read with plain JDBC
        SEQUENCE.put("stored", jvm -> jvm.get("/books/3/stored-title"));
        SEQUENCE.put("summary-renamed", jvm -> jvm.get("/books/3/summary"));
        // one read-only transaction: findAll(Pageable) by the service, again by its header with an
        // equal PageRequest of its own (a select and a count each)
        SEQUENCE.put("page", jvm -> jvm.get("/books?page=0&size=2"));
        // two @Transactional services (a session each without open-in-view), the same JDBC row each
        SEQUENCE.put("catalog", jvm -> jvm.get("/books/2/catalog"));
        // findById in one transaction, then findById and setTitle without save in the next: the
        // commit flushes the change only if the second transaction changed a managed entity
        SEQUENCE.put("retitle", jvm -> jvm.post("/books/4/retitle?value=Solaris%20Revisited"));
    }

    /** One JVM's requests and output. */
    record Run(Map<String, HttpResult> responses, ProcessOutput output) {
        HttpResult response(String step) {
            return responses.get(step);
        }

        int statements(String step) {
            return response(step).intHeader("X-Sql-Statements");
        }

        int jdbcStatements(String step) {
            return response(step).intHeader("X-Jdbc-Statements");
        }
    }

    private static final Runs<Variant, Run> RUNS = new Runs<>(Variant.class, v -> execute(v));

    /** The four JVMs start together: Spring Boot's start-up dominates the time of this class. */
    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    static void startAllRuns() {
        Once.computeTogether(RUNS.all());
    }

    @AfterAll
    static void cleanUp() {
        JvmProcess.killAll();
    }

    private static Run run(Variant variant) {
        return RUNS.get(variant);
    }

    private static Path appJar() {
        String jar = System.getProperty("memoguard.spring.jar");
        assertThat(jar).as("system property memoguard.spring.jar: run the tests through maven (surefire sets it)").isNotBlank();
        Path path = Paths.get(jar).toAbsolutePath().normalize();
        assertThat(path).as("the it-spring-app jar: build it first (mvn -B package)").isRegularFile();
        return path;
    }

    private static Path writeConfig() {
        return AppRun.config("spring-memoguard.yaml",
                "memoize:",
                "  - implements: org.springframework.data.repository.Repository",
                "  - class: com.example.library.repo.JdbcBookDao",
                "    methods: [find*]",
                "guard:",
                "  packages: [com.example.library.domain]");
    }

    /**
     * {@code java [-javaagent:...] -cp app.jar -jar app.jar --server.port=0 --spring.jpa.open-in-view=X}:
     * the harness always passes a class path, which the launcher ignores when -jar is given, so this
     * runs the executable jar exactly as {@code java -jar} does (Spring Boot's own launcher and
     * nested-jar class loader).
     */
    private static Run execute(Variant v) {
        Path jar = appJar();
        List<String> jvmArgs = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        if (v.agent) {
            jvmArgs.add(ItEnv.javaagent(writeConfig()));
        }
        List<String> appArgs = List.of(jar.toString(), "--server.port=0",
                "--spring.jpa.open-in-view=" + v.openInView);
        String name = "spring-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-');
        try (JvmProcess jvm = JvmProcess.start(name, jvmArgs, jar.toString(), "-jar", appArgs)) {
            awaitListening(jvm);
            Map<String, HttpResult> responses = new LinkedHashMap<>();
            for (var step : SEQUENCE.entrySet()) {
                responses.put(step.getKey(), step.getValue().apply(jvm));
            }
            return new Run(responses, jvm.stop());
        }
    }

    /** The harness waits 60 s; a loaded machine may need longer for Spring Boot, so wait again while the JVM lives. */
    private static void awaitListening(JvmProcess jvm) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try {
                jvm.awaitListening();
                return;
            } catch (AssertionError notYet) {
                if (jvm.outputSoFar().exitCode() != -1 || System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static void assertOk(Run run, String... steps) {
        for (String step : steps) {
            assertThat(run.response(step).status()).as("%s\n%s", run.response(step), run.output()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- without the agent

    @Test
    void withoutAgentTheApplicationWorksInBothModes() {
        for (Variant v : List.of(Variant.PLAIN_OIV, Variant.PLAIN_NO_OIV)) {
            Run plain = run(v);
            assertOk(plain, SEQUENCE.keySet().toArray(new String[0]));
            assertThat(plain.output().stdoutLines()).as("%s", plain.output()).contains("SEEDED books=4 first=A Wizard of Earthsea");
            assertThat(plain.output().memoguardLines()).as("%s", plain.output()).isEmpty();
            assertThat(plain.response("book").body()).isEqualTo(
                    "{\"book\":{\"id\":1,\"title\":\"A Wizard of Earthsea\",\"isbn\":\"978-0-00-000001-1\","
                            + "\"author\":\"Ursula K. Le Guin\",\"authorBooks\":3},\"priceCents\":1190}");
        }
    }

    @Test
    void withoutAgentStatementCountsAreWhatTheLayersCost() {
        // open-in-view: one EntityManager for the whole request, so a repeated findById is a
        // persistence-context hit (no SQL); a repeated findByIsbn is a JPQL query and runs every time
        Run oiv = run(Variant.PLAIN_OIV);
        assertThat(statements(oiv)).as("%s", oiv.output()).isEqualTo(Map.of(
                "book", 3, "summary", 1, "isbn", 5, "book-again", 3, "rename", 4, "stored", 0, "summary-renamed", 1,
                "page", 4, "catalog", 0, "retitle", 2));
        // without open-in-view, every findById outside a transaction has its own EntityManager
        Run noOiv = run(Variant.PLAIN_NO_OIV);
        assertThat(statements(noOiv)).as("%s", noOiv.output()).isEqualTo(Map.of(
                "book", 5, "summary", 3, "isbn", 5, "book-again", 5, "rename", 4, "stored", 0, "summary-renamed", 3,
                "page", 4, "catalog", 0, "retitle", 3));
    }

    // ---------------------------------------------------------------- with the agent

    @Test
    void agentStartsAndReportsNoProblem() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            ProcessOutput out = run(v).output();
            assertThat(out.stderrLines()).as("%s", out).anyMatch(AgentOutput::isStartedLine);
            assertThat(AgentOutput.errorLines(out.allLines())).as("%s", out).isEmpty();
            assertThat(out.allLines()).as("%s", out)
                    .noneMatch(l -> l.contains("LinkageError") || l.contains("NoClassDefFoundError")
                            || l.contains("ClassFormatError") || l.contains("VerifyError"))
                    .noneMatch(l -> l.contains("could not instrument") || l.contains("internal error"))
                    .noneMatch(l -> l.contains("at io.memoguard."));
            // outside any request (the start-up seeding) the repositories run untouched
            assertThat(out.stdoutLines()).as("%s", out).contains("SEEDED books=4 first=A Wizard of Earthsea");
            assertThat(out.stdoutLines()).as("agent lines go to stderr\n%s", out).noneMatch(l -> l.contains("[memoguard]"));
        }
    }

    @Test
    void summaryAtExitCountsHits() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            ProcessOutput out = run(v).output();
            List<String> summaries = AgentOutput.exitSummaryLines(out.stderrLines());
            assertThat(summaries).as("a summary line at exit\n%s", out).hasSize(1);
            Matcher hits = HITS.matcher(summaries.get(0));
            assertThat(hits.find()).as(summaries.get(0)).isTrue();
            assertThat(Integer.parseInt(hits.group(1))).as(summaries.get(0)).isPositive();
        }
    }

    @Test
    void withOpenInViewResponsesAreIdenticalWithAndWithoutAgent() {
        assertIdentical(run(Variant.PLAIN_OIV), run(Variant.AGENT_OIV), SEQUENCE.keySet());
    }

    /** Every step except {@code /books/{id}}: see {@link #withoutOpenInViewTheBookPageWorksWithTheAgent()}. */
    @Test
    void withoutOpenInViewResponsesAreIdenticalWithAndWithoutAgentExceptTheBookPage() {
        List<String> steps = SEQUENCE.keySet().stream().filter(s -> !s.startsWith("book")).toList();
        assertIdentical(run(Variant.PLAIN_NO_OIV), run(Variant.AGENT_NO_OIV), steps);
    }

    private static void assertIdentical(Run plain, Run agent, Iterable<String> steps) {
        for (String step : steps) {
            HttpResult expected = plain.response(step);
            HttpResult actual = agent.response(step);
            assertThat(actual.status()).as("%s\n%s", actual, agent.output()).isEqualTo(expected.status()).isEqualTo(200);
            assertThat(actual.body()).as(step).isEqualTo(expected.body());
            assertThat(actual.header("Content-Type")).as(step).isEqualTo(expected.header("Content-Type"));
        }
    }

    @Test
    void theWriteEndpointUpdatesTheDatabaseWithTheAgent() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            Run agent = run(v);
            Run plain = run(v.openInView ? Variant.PLAIN_OIV : Variant.PLAIN_NO_OIV);
            assertOk(agent, "rename", "stored", "summary-renamed");
            assertThat(agent.response("rename").body()).isEqualTo(plain.response("rename").body()).contains(NEW_TITLE);
            assertThat(agent.response("stored").body()).isEqualTo("{\"id\":3,\"title\":\"" + NEW_TITLE + "\"}");
            assertThat(agent.response("summary-renamed").body()).contains(NEW_TITLE);
            // select book, select author, select the author's books (the response), update at commit
            assertThat(agent.statements("rename")).isEqualTo(plain.statements("rename")).isEqualTo(4);
            // the write is seen by the barrier on Book.title and invalidates both memoized findById
            // (the repository proxy's and SimpleJpaRepository's)
            assertThat(agent.output().stderrLines()).as("%s", agent.output()).anyMatch(l -> l.contains("[memoguard] INFO")
                    && l.contains("mutation of com.example.library.domain.Book.title")
                    && l.contains("called from com.example.library.service.BookWriteService.rename(BookWriteService.java:")
                    && l.contains("findById"));
        }
    }

    @Test
    void repeatedQueriesInOneTransactionRunOnceWithTheAgent() {
        // detailsByIsbn: findByIsbn three times in one read-only transaction, a JPQL query each
        // time without the agent (5 = 3 x book + author + author's books)
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            Run agent = run(v);
            Run plain = run(v.openInView ? Variant.PLAIN_OIV : Variant.PLAIN_NO_OIV);
            assertThat(plain.statements("isbn")).isEqualTo(5);
            assertThat(agent.statements("isbn")).as("%s\n%s", agent.response("isbn"), agent.output())
                    .isLessThan(plain.statements("isbn"));
        }
    }

    @Test
    void withoutOpenInViewRepeatedFindByIdOutsideTransactionsIsSaved() {
        Run plain = run(Variant.PLAIN_NO_OIV);
        Run agent = run(Variant.AGENT_NO_OIV);
        // three findById, each in a transaction of its own: three selects without the agent
        assertThat(plain.statements("summary")).isEqualTo(3);
        assertThat(agent.statements("summary")).as("%s", agent.output()).isLessThan(3);
        assertThat(agent.statements("summary-renamed")).isLessThan(plain.statements("summary-renamed"));
    }

    @Test
    void theAgentLoadsNoLazyCollection() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            Run agent = run(v);
            for (String step : List.of("summary", "summary-renamed")) {
                assertThat(agent.response(step).intHeader("X-Lazy-Collection-Fetches")).as("%s %s", v, step).isZero();
            }
        }
    }

    /**
     * The statement counts measured with the agent on Spring Boot 4.1.2 / Hibernate 7.4.13, and
     * why. Two agent defects show in them (see the disabled tests below):
     * <ul>
     *   <li>storing a result calls {@code Guarded.$memoguard$getTracker()} on every guarded object
     *       in it, also on Book.author's Hibernate proxy (a runtime subclass of Author); Hibernate's
     *       proxy intercepts that method and initializes itself: one extra {@code select author};
     *   <li>the graph snapshot follows the proxy's {@code $$_hibernate_interceptor} into Hibernate's
     *       lazy initializer, so the proxy's initialization (by the agent itself, above) later counts
     *       as a mutation of the memoized value, and the next call runs again.
     * </ul>
     */
    @Test
    void agentStatementCountsAsMeasured() {
        // book: findById (1 select book), 2 hits, then in the transaction author.getName() (1)
        //   and author.getBooks().size() (1)
        // summary: 1 select book; 2 hits
        // isbn: findByIsbn (1), 2 hits; then the author (1) and the author's books (1)
        assertThat(statements(run(Variant.AGENT_OIV))).as("%s", run(Variant.AGENT_OIV).output()).isEqualTo(Map.of(
                "book", 3, "summary", 1, "isbn", 3, "book-again", 3, "rename", 4, "stored", 0, "summary-renamed", 1,
                "page", 2, "catalog", 0, "retitle", 2));
        // without open-in-view each transaction has its own persistence context, and a new one drops
        //   the request's entries (PersistenceContextAdvice), so the details transaction loads a
        //   managed Book again: book 4 instead of 5; summary and isbn as with open-in-view
        assertThat(statements(run(Variant.AGENT_NO_OIV))).as("%s", run(Variant.AGENT_NO_OIV).output()).isEqualTo(Map.of(
                "book", 4, "summary", 1, "isbn", 3, "book-again", 4, "rename", 4, "stored", 0, "summary-renamed", 1,
                "page", 2, "catalog", 0, "retitle", 3));
    }

    /**
     * findAll(Pageable) twice in one transaction, each with its own PageRequest, equal in value: a
     * select and a count each without the agent (4); the second call is served with it (2).
     */
    @Test
    void aPageableArgumentEqualInValueIsServed() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            Run agent = run(v);
            Run plain = run(v.openInView ? Variant.PLAIN_OIV : Variant.PLAIN_NO_OIV);
            assertThat(plain.response("page").body()).isEqualTo(
                    "{\"titles\":[\"A Wizard of Earthsea\",\"The Left Hand of Darkness\"],\"header\":\"page 1 of 2, 4 books\"}");
            assertThat(agent.response("page").body()).isEqualTo(plain.response("page").body());
            assertThat(plain.statements("page")).as("%s", v).isEqualTo(4);
            assertThat(agent.statements("page")).as("%s\n%s", v, agent.output()).isEqualTo(2);
        }
    }

    /**
     * Two @Transactional services read the same row through the JDBC repository. Under
     * JpaTransactionManager each transaction opens a session when open-in-view is off; a new
     * persistence context drops only entries holding entities, so the row (a plain record) is
     * served to the second service: 2 statements without the agent, 1 with it, in both modes (the
     * agent before this rule dropped every entry at a new session: 2 without open-in-view).
     */
    @Test
    void aNewPersistenceContextKeepsPlainRows() {
        for (Variant v : Variant.values()) {
            Run run = run(v);
            assertThat(run.response("catalog").body()).as("%s", v).isEqualTo(
                    "{\"id\":2,\"shelf\":\"shelf T\",\"line\":\"The Left Hand of Darkness [978-0-00-000002-2]\"}");
            assertThat(run.jdbcStatements("catalog")).as("%s\n%s", v, run.output()).isEqualTo(v.agent ? 1 : 2);
        }
    }

    /**
     * An entity read in one transaction and changed without save in the next: the change is
     * flushed by dirty checking only if the second transaction's findById returned an entity of its
     * own persistence context. Without open-in-view the new session drops the memoized entity and
     * findById loads it again (3 statements, as without the agent); with open-in-view there is one
     * session, the entry is served and Hibernate needs no select either (2).
     */
    @Test
    void anEntityIsNeverServedIntoAnotherPersistenceContext() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            Run agent = run(v);
            Run plain = run(v.openInView ? Variant.PLAIN_OIV : Variant.PLAIN_NO_OIV);
            assertThat(plain.response("retitle").body())
                    .isEqualTo("{\"id\":4,\"title\":\"Solaris Revisited (was Solaris)\"}");
            assertThat(agent.response("retitle").body()).as("%s\n%s", v, agent.output())
                    .isEqualTo(plain.response("retitle").body());
            assertThat(agent.statements("retitle")).as("%s", v).isEqualTo(plain.statements("retitle"))
                    .isEqualTo(v.openInView ? 2 : 3);
        }
    }

    // ---------------------------------------------------------------- Hibernate specifics

    /**
     * Storing a result must not initialize the Hibernate proxies in it: the tracker accessors are
     * final, so the proxy cannot intercept them, and the walker does not follow the proxy's
     * interceptor, so a later legitimate lazy load is not taken for a mutation.
     */
    @Test
    void theAgentInitializesNoLazyProxy() {
        for (Variant v : List.of(Variant.AGENT_OIV, Variant.AGENT_NO_OIV)) {
            Run agent = run(v);
            assertThat(agent.response("summary").intHeader("X-Lazy-Entity-Fetches")).as("%s", v).isZero();
            // one select book, the two other findById are served by the agent
            assertThat(agent.statements("summary")).as("%s", v).isEqualTo(1);
        }
        assertThat(run(Variant.AGENT_OIV).statements("isbn")).isEqualTo(3);
    }

    /**
     * Without open-in-view, StockService's findById runs in a transaction of its own. Serving that
     * (now detached) Book to BookQueryService.details would make its transaction fail to load
     * author.getBooks() (LazyInitializationException, HTTP 500); the new persistence context drops
     * the entry, so details gets a managed Book as it does without the agent.
     */
    @Test

    void withoutOpenInViewTheBookPageWorksWithTheAgent() {
        assertIdentical(run(Variant.PLAIN_NO_OIV), run(Variant.AGENT_NO_OIV), List.of("book", "book-again"));
    }

    private static Map<String, Integer> statements(Run run) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String step : run.responses().keySet()) {
            counts.put(step, run.statements(step));
        }
        return counts;
    }
}
