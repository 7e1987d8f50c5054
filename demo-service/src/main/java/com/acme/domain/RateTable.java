package com.acme.domain;

import java.util.List;

/**
 * A tenant's published monthly repayments per product and term, for a 100,000 loan. Expensive to
 * compute, so the service keeps it in its own cache; immutable, so sharing it is safe.
 */
public record RateTable(String tenant, List<Row> rows) {
  public RateTable {
    rows = List.copyOf(rows);
  }

  /** One product: its base rate and the monthly repayment for each term in {@link #TERMS}. */
  public record Row(long productId, String product, double baseRate, List<Double> monthly) {
    public Row {
      monthly = List.copyOf(monthly);
    }
  }

  public static final List<Integer> TERMS = List.of(120, 240, 360);
}
