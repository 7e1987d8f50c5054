package com.acme.web;

import com.acme.repo.RateTableRepository;

/** {@code GET /admin/rate-table-recomputes}: how often a rate table was really computed. */
public class RecomputeCountHandler extends JsonHandler {
  private final RateTableRepository tables;

  public RecomputeCountHandler(RateTableRepository tables, RequestScope scope) {
    super("GET", "/admin/rate-table-recomputes", scope);
    this.tables = tables;
  }

  @Override
  protected String respond(Request request) {
    return new JsonObject().put("recomputes", tables.recomputeCount()).toString();
  }
}
