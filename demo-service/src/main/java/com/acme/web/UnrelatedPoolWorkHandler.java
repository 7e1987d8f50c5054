package com.acme.web;

import com.acme.service.FanOutService;

/**
 * {@code GET /tenants/{tenant}/mortgages/{id}/unrelated-pool-work}: the statements that work on the
 * fan-out pool ran when it was submitted outside any request (loading the mortgage twice: 2).
 */
public class UnrelatedPoolWorkHandler extends JsonHandler {
  private final FanOutService fanOut;

  public UnrelatedPoolWorkHandler(FanOutService fanOut, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/mortgages/(?<id>\\d+)/unrelated-pool-work", scope);
    this.fanOut = fanOut;
  }

  @Override
  protected String respond(Request request) {
    int statements =
        fanOut.unrelatedPoolWork(request.pathParam("tenant"), request.longPathParam("id"));
    return new JsonObject().put("statements", statements).toString();
  }
}
