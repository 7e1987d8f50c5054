package com.acme.repo;

import com.acme.db.Db;
import com.acme.domain.RateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rate tables behind the service's own cache-aside cache, shared by all requests: a table is
 * recomputed (a query plus a slow amortisation run) only when the cache has none. When many
 * requests for a tenant arrive at once on a cold cache, each of them misses and each starts the
 * same recompute: the stampede that {@code park: true} removes.
 */
public class RateTableRepository {
  /** The stand-in for a heavy computation or a slow query. */
  static final long RECOMPUTE_MILLIS = 500;
  private static final double PRINCIPAL = 100_000;

  private final Db db;
  private final ConcurrentHashMap<String, RateTable> cache = new ConcurrentHashMap<>();
  private final AtomicInteger recomputes = new AtomicInteger();

  public RateTableRepository(Db db) {
    this.db = db;
  }

  /** The tenant's rate table; an unknown tenant's table has no rows. */
  public RateTable getRateTable(String tenant) {
    RateTable cached = cache.get(tenant);
    if (cached != null) {
      return cached;
    }
    RateTable table = recompute(tenant);
    cache.put(tenant, table);
    return table;
  }

  /** How many times a table was really computed since start-up. */
  public int recomputeCount() {
    return recomputes.get();
  }

  private RateTable recompute(String tenant) {
    recomputes.incrementAndGet();
    List<RateTable.Row> rows = db.query(
        "SELECT id, name, base_rate FROM product WHERE tenant_id = ? ORDER BY id",
        row -> new RateTable.Row(row.getLong("id"), row.getString("name"), row.getDouble("base_rate"),
            List.of()),
        tenant);
    List<RateTable.Row> priced = new ArrayList<>(rows.size());
    for (RateTable.Row row : rows) {
      List<Double> monthly = new ArrayList<>();
      for (int months : RateTable.TERMS) {
        monthly.add(monthlyPayment(row.baseRate(), months));
      }
      priced.add(new RateTable.Row(row.productId(), row.product(), row.baseRate(), monthly));
    }
    try {
      Thread.sleep(RECOMPUTE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the rate table", e);
    }
    return new RateTable(tenant, priced);
  }

  /** Annuity repayment, rounded to cents so the JSON is stable. */
  private static double monthlyPayment(double annualRatePercent, int months) {
    double r = annualRatePercent / 100 / 12;
    double payment = PRINCIPAL * r / (1 - Math.pow(1 + r, -months));
    return Math.round(payment * 100) / 100.0;
  }
}
