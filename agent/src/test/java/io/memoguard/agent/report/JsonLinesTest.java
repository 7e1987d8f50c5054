package io.memoguard.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.EventSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log.format: json}: each event line carries, next to its message, the event's own fields
 * under {@code memoguard.}, so that a log pipeline can filter on a field or site without parsing
 * the message; numbers stay numbers.
 */
class JsonLinesTest {
  private static final String FIELD = "com.acme.domain.Product.investor";
  private static final String SITE = "com.acme.domain.Product.setInvestor(Product.java:45)";
  private static final String VIA = "com.acme.service.Disclosure.publish(Disclosure.java:19)";
  private static final String ENTRY = "com.acme.repo.MortgageRepository.getMortgage";

  @TempDir Path dir;

  private List<String> logged(java.util.function.Consumer<AgentLog> events) throws IOException {
    Path file = dir.resolve("agent.log");
    AgentLog log = AgentLog.create("info", file.toString(), AgentLog.JSON);
    events.accept(log);
    log.stop();
    return Files.readAllLines(file);
  }

  @Test
  void aMutationLineCarriesFieldSiteCallerMethodsAndCallers() throws IOException {
    List<String> lines = logged(log -> new LogEventSink(log)
        .mutation(FIELD, SITE, VIA, ENTRY, 2, EventSink.INVALIDATED));
    assertThat(lines).singleElement().asString()
        .startsWith("{\"@timestamp\":\"")
        .contains("\"log.level\":\"WARN\"")
        .contains("\"message\":\"mutation of " + FIELD + " at " + SITE)
        .contains("\"memoguard.event\":\"mutation\"", "\"memoguard.field\":\"" + FIELD + "\"",
            "\"memoguard.site\":\"" + SITE + "\"", "\"memoguard.via\":\"" + VIA + "\"",
            "\"memoguard.methods\":\"" + ENTRY + "\"", "\"memoguard.callers\":2",
            "\"memoguard.action\":\"invalidated\"", "\"memoguard.detection\":\"barrier\"")
        .endsWith("}");
  }

  @Test
  void aVerifyDifferenceLineCarriesMethodAndPath() throws IOException {
    List<String> lines = logged(log -> new LogEventSink(log)
        .verifyDifference("com.acme.repo.QuoteRepository.getQuote", "Quote.reference"));
    assertThat(lines).singleElement().asString()
        .contains("\"memoguard.event\":\"verify-difference\"",
            "\"memoguard.method\":\"com.acme.repo.QuoteRepository.getQuote\"",
            "\"memoguard.path\":\"Quote.reference\"");
  }

  @Test
  void summaryCountersAreNumbersReadOnceForTextAndFields() throws IOException {
    Object[] counters = {"hits", 7L, "misses", 2L};
    List<String> lines = logged(log ->
        log.event(false, "summary: " + Counters.line(counters), counters));
    assertThat(lines).singleElement().asString()
        .contains("\"message\":\"summary: hits=7 misses=2\"")
        .contains("\"memoguard.hits\":7,\"memoguard.misses\":2}");
  }

  @Test
  void aFieldValueCannotBreakTheLineOrTheObject() throws IOException {
    List<String> lines = logged(log -> log.event(true, "m", "site", "a\"b\nc\\d"));
    assertThat(lines).singleElement().asString()
        .contains("\"memoguard.site\":\"a\\\"b c\\\\d\"");
  }
}
