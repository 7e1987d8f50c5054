package com.acme.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DemoServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void mortgagePageReadsTheSameRowsNineTimes() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/acme/mortgages/1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(queries(response)).isEqualTo(9);
    assertThat(response.body())
        .contains("\"id\":1", "\"tenant\":\"Acme Corp\"", "\"borrower\":\"Alice Martin\"",
            "\"principal\":250000.00", "\"rate\":3.45", "\"monthlyPayment\":1244.87",
            "\"product\":\"Fixed 10y\"", "\"investor\":\"Northwind Capital\"");
  }

  @Test
  void overviewKeepsTheInvestorInTheReportAndOutOfTheSummary() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/acme/mortgages/1/overview");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(queries(response)).isEqualTo(3);
    assertThat(response.body())
        .contains("\"publicSummary\":{\"product\":{\"id\":1,\"name\":\"Fixed 10y\","
            + "\"baseRate\":3.1,\"tags\":[\"fixed\",\"long-term\"]},")
        .contains("\"investorReport\":{\"investor\":\"Northwind Capital\",\"country\":\"GB\"}")
        .doesNotContain("\"investor\":null");
  }

  @Test
  void naiveCacheLetsTheSummaryEraseTheInvestorFromTheReport() throws Exception {
    start(true);

    HttpResponse<String> response = get("/tenants/acme/mortgages/1/overview");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(queries(response)).isEqualTo(1);
    assertThat(response.body())
        .contains("\"investorReport\":{\"investor\":null,")
        .doesNotContain("Northwind Capital");
  }

  @Test
  void rateChangeIsStored() throws Exception {
    start(false);

    HttpResponse<String> update = post("/tenants/acme/mortgages/1/rate?value=3.75");

    assertThat(update.statusCode()).isEqualTo(200);
    assertThat(queries(update)).isEqualTo(3);
    assertThat(update.body()).contains("\"rate\":3.75", "\"version\":2");
    assertThat(get("/tenants/acme/mortgages/1").body()).contains("\"rate\":3.75");
  }

  @Test
  void rateChangeWithoutANumberIsRejected() throws Exception {
    start(false);

    HttpResponse<String> response = post("/tenants/acme/mortgages/1/rate?value=high");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(get("/tenants/acme/mortgages/1").body()).contains("\"rate\":3.45");
  }

  @Test
  void productListIsSortedByNameAndReadTwice() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/acme/products");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(queries(response)).isEqualTo(2);
    assertThat(response.body())
        .containsSubsequence(
            "\"Buy-to-Let Fixed\"", "\"Fixed 10y\"", "\"Green Fixed 5y\"", "\"Variable Tracker\"")
        .contains("\"tags\":[\"fixed\",\"green\",\"energy-label-a\"]", "\"total\":4");
  }

  @Test
  void cheapestProductLeavesTheFlagshipAlone() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/acme/products/cheapest");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(queries(response)).isEqualTo(2);
    assertThat(response.body()).isEqualTo("{\"cheapest\":{\"id\":2,\"name\":\"Variable Tracker\","
        + "\"baseRate\":2.8,\"tags\":[\"variable\",\"flexible\"],"
        + "\"investor\":{\"id\":2,\"name\":\"Helvetia Pension Fund\",\"country\":\"CH\"}},"
        + "\"flagship\":\"Fixed 10y\",\"total\":4}");
  }

  @Test
  void naiveCacheLetsTheCheapestSortReorderTheCatalogue() throws Exception {
    start(true);

    HttpResponse<String> response = get("/tenants/acme/products/cheapest");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(queries(response)).isEqualTo(1);
    // the footer got the list the banner had sorted by rate: the cheapest product became flagship
    assertThat(response.body())
        .contains("\"cheapest\":{\"id\":2,\"name\":\"Variable Tracker\",")
        .endsWith("\"flagship\":\"Variable Tracker\",\"total\":4}");
  }

  @Test
  void cheapestProductOfUnknownTenantIsNotFound() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/initech/products/cheapest");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(queries(response)).isEqualTo(1);
  }

  @Test
  void unknownMortgageIsNotFound() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/acme/mortgages/999");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(queries(response)).isEqualTo(2);
  }

  @Test
  void mortgageOfAnotherTenantIsNotFound() throws Exception {
    start(false);

    assertThat(get("/tenants/acme/mortgages/11").statusCode()).isEqualTo(404);
    assertThat(get("/tenants/acme/mortgages/11/overview").statusCode()).isEqualTo(404);
    assertThat(get("/tenants/globex/mortgages/11").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownTenantIsNotFound() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/initech/mortgages/1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(queries(response)).isEqualTo(1);
  }

  @Test
  void healthNeedsNoDatabase() throws Exception {
    start(false);

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(queries(response)).isZero();
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    start(false);

    HttpResponse<String> response = get("/tenants/acme/invoices");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(queries(response)).isZero();
  }

  private void start(boolean naiveCache) throws IOException {
    // a database of its own per test: the rate test writes
    String jdbcUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    server = DemoServer.start(0, jdbcUrl, naiveCache);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int queries(HttpResponse<?> response) {
    return Integer.parseInt(response.headers().firstValue("X-Db-Queries").orElseThrow());
  }
}
