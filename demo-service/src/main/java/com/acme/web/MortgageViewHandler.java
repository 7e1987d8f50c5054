package com.acme.web;

import com.acme.service.MortgageView;
import com.acme.service.MortgageViewService;

/** {@code GET /tenants/{tenant}/mortgages/{id}}: the mortgage page. */
public class MortgageViewHandler extends JsonHandler {
  private final MortgageViewService views;

  public MortgageViewHandler(MortgageViewService views, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/mortgages/(?<id>\\d+)", scope);
    this.views = views;
  }

  @Override
  protected String respond(Request request) {
    MortgageView view = views.view(request.pathParam("tenant"), request.longPathParam("id"));
    return new JsonObject()
        .put("id", view.id())
        .put("tenant", view.tenantName())
        .put("borrower", view.borrower())
        .put("principal", view.principal())
        .put("rate", view.rate())
        .put("termMonths", view.termMonths())
        .put("version", view.version())
        .put("startDate", DomainJson.day(view.startDate()))
        .put("monthlyPayment", view.monthlyPayment())
        .put("risk", view.risk().name())
        .put("product", view.productName())
        .put("investor", view.investorName())
        .toString();
  }
}
