package com.acme.repo;

import com.acme.db.Db;
import com.acme.domain.Quote;

/**
 * Issues price quotes. Named like a repository and matched by the demo's memoize rule, but every
 * call creates a new quote: memoizing it would hand two callers the same reference. Verify mode
 * reports exactly that (docs/OPERATIONS.md, "Verify mode").
 */
public class QuoteRepository {
  private final Db db;

  public QuoteRepository(Db db) {
    this.db = db;
  }

  /** Returns null for an unknown product. */
  public Quote getQuote(String tenant, long productId) {
    return db.queryOne(
        "SELECT CAST(RANDOM_UUID() AS VARCHAR), id, base_rate FROM product WHERE tenant_id = ? AND id = ?",
        rows -> new Quote(rows.getString(1), rows.getLong(2), rows.getDouble(3)),
        tenant, productId);
  }
}
