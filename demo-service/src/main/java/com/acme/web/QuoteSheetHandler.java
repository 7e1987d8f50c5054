package com.acme.web;

import com.acme.service.QuoteSheetService;

/**
 * {@code GET /tenants/{tenant}/products/{id}/quotes}: an offer and a confirmation quote.
 * {@code distinct} is true when they carry different references, as they must.
 */
public class QuoteSheetHandler extends JsonHandler {
  private final QuoteSheetService sheets;

  public QuoteSheetHandler(QuoteSheetService sheets, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/products/(?<id>\\d+)/quotes", scope);
    this.sheets = sheets;
  }

  @Override
  protected String respond(Request request) {
    QuoteSheetService.Sheet sheet = sheets.sheet(request.pathParam("tenant"), request.longPathParam("id"));
    return new JsonObject()
        .put("offer", sheet.offer().getReference())
        .put("confirmation", sheet.confirmation().getReference())
        .putRaw("distinct", Boolean.toString(
            !sheet.offer().getReference().equals(sheet.confirmation().getReference())))
        .toString();
  }
}
