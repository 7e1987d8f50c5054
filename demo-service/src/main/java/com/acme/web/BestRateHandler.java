package com.acme.web;

import com.acme.service.BestRate;
import com.acme.service.BestRateService;

/** {@code GET /tenants/{tenant}/products/cheapest}: the cheapest product and the catalogue footer. */
public class BestRateHandler extends JsonHandler {
  private final BestRateService bestRates;

  public BestRateHandler(BestRateService bestRates, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/products/cheapest", scope);
    this.bestRates = bestRates;
  }

  @Override
  protected String respond(Request request) {
    BestRate bestRate = bestRates.bestRate(request.pathParam("tenant"));
    return new JsonObject()
        .put("cheapest", DomainJson.product(bestRate.cheapest()))
        .put("flagship", bestRate.catalog().flagship())
        .put("total", bestRate.catalog().total())
        .toString();
  }
}
