package com.acme.web;

import com.acme.domain.Investor;
import com.acme.domain.Mortgage;
import com.acme.domain.Product;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** JSON for the domain objects several endpoints return. */
final class DomainJson {
  // start dates are calendar days carried as midnight UTC (see MortgageRepository)
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private DomainJson() {}

  static String day(Date date) {
    return date == null ? null : DAY.format(date.toInstant());
  }

  /** A product without investor is written without the field, which is how it is kept private. */
  static JsonObject product(Product product) {
    JsonObject json = new JsonObject()
        .put("id", product.getId())
        .put("name", product.getName())
        .put("baseRate", product.getBaseRate())
        .putStrings("tags", product.getTags());
    if (product.getInvestor() != null) {
      json.put("investor", investor(product.getInvestor()));
    }
    return json;
  }

  static JsonObject mortgage(Mortgage mortgage) {
    return new JsonObject()
        .put("id", mortgage.getId())
        .put("tenantId", mortgage.getTenantId())
        .put("borrower", mortgage.getBorrower())
        .put("principal", mortgage.getPrincipal())
        .put("rate", mortgage.getRate())
        .put("termMonths", mortgage.getTermMonths())
        .put("version", mortgage.getVersion())
        .put("startDate", day(mortgage.getStartDate()))
        .put("product", product(mortgage.getProduct()));
  }

  private static JsonObject investor(Investor investor) {
    return new JsonObject()
        .put("id", investor.getId())
        .put("name", investor.getName())
        .put("country", investor.getCountry());
  }
}
