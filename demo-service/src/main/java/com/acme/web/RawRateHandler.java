package com.acme.web;

import com.acme.admin.RateAdjustmentService;

/**
 * {@code POST /tenants/{tenant}/mortgages/{id}/raw-rate?value=4.1}: changes the rate with the
 * back-office DAO's own SQL and shows the rate before and the mortgage read back after.
 */
public class RawRateHandler extends JsonHandler {
  private final RateAdjustmentService adjustments;

  public RawRateHandler(RateAdjustmentService adjustments, RequestScope scope) {
    super("POST", "/tenants/(?<tenant>[^/]+)/mortgages/(?<id>\\d+)/raw-rate", scope);
    this.adjustments = adjustments;
  }

  @Override
  protected String respond(Request request) {
    RateAdjustmentService.Adjustment adjustment = adjustments.adjust(
        request.pathParam("tenant"), request.longPathParam("id"), request.doubleQueryParam("value"));
    return new JsonObject()
        .put("rateBefore", adjustment.before())
        .put("after", DomainJson.mortgage(adjustment.after()))
        .toString();
  }
}
