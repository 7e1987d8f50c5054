package com.acme.web;

import com.acme.service.RateService;

/** {@code POST /tenants/{tenant}/mortgages/{id}/rate?value=3.75}: changes the interest rate. */
public class RateHandler extends JsonHandler {
  private final RateService rates;

  public RateHandler(RateService rates, RequestScope scope) {
    super("POST", "/tenants/(?<tenant>[^/]+)/mortgages/(?<id>\\d+)/rate", scope);
    this.rates = rates;
  }

  @Override
  protected String respond(Request request) {
    return DomainJson.mortgage(rates.changeRate(
            request.pathParam("tenant"),
            request.longPathParam("id"),
            request.doubleQueryParam("value")))
        .toString();
  }
}
