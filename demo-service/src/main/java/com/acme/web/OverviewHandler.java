package com.acme.web;

import com.acme.service.InvestorReport;
import com.acme.service.Overview;
import com.acme.service.OverviewService;
import com.acme.service.PublicSummary;

/** {@code GET /tenants/{tenant}/mortgages/{id}/overview}: public summary and investor report. */
public class OverviewHandler extends JsonHandler {
  private final OverviewService overviews;

  public OverviewHandler(OverviewService overviews, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/mortgages/(?<id>\\d+)/overview", scope);
    this.overviews = overviews;
  }

  @Override
  protected String respond(Request request) {
    Overview overview =
        overviews.overview(request.pathParam("tenant"), request.longPathParam("id"));
    PublicSummary summary = overview.publicSummary();
    InvestorReport report = overview.investorReport();
    return new JsonObject()
        .put("mortgageId", overview.mortgageId())
        .put("product", overview.productName())
        .put("publicSummary", new JsonObject()
            .put("product", DomainJson.product(summary.product()))
            .put("rate", summary.rate())
            .put("termMonths", summary.termMonths()))
        .put("investorReport", new JsonObject()
            .put("investor", report.investorName())
            .put("country", report.country()))
        .toString();
  }
}
