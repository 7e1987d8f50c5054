package com.acme.web;

import com.acme.domain.RateTable;
import com.acme.repo.RateTableRepository;

/** {@code GET /tenants/{tenant}/rate-table}: monthly repayments per product and term. */
public class RateTableHandler extends JsonHandler {
  private final RateTableRepository tables;

  public RateTableHandler(RateTableRepository tables, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/rate-table", scope);
    this.tables = tables;
  }

  @Override
  protected String respond(Request request) {
    RateTable table = tables.getRateTable(request.pathParam("tenant"));
    return new JsonObject()
        .put("tenant", table.tenant())
        .putRaw("terms", JsonObject.array(RateTable.TERMS.stream().map(String::valueOf).toList()))
        .putRaw("rows", JsonObject.array(table.rows().stream()
            .map(row -> new JsonObject()
                .put("productId", row.productId())
                .put("product", row.product())
                .put("baseRate", row.baseRate())
                .putRaw("monthly", JsonObject.array(row.monthly().stream().map(String::valueOf).toList()))
                .toString())
            .toList()))
        .toString();
  }
}
