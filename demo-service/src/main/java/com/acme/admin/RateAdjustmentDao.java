package com.acme.admin;

import com.acme.db.Db;

/**
 * A back-office DAO that writes rates with its own SQL, next to the repositories rather than
 * through them. No memoguard rule names it: only the JDBC write safety net knows it wrote.
 */
public class RateAdjustmentDao {
  private final Db db;

  public RateAdjustmentDao(Db db) {
    this.db = db;
  }

  /** Returns the number of mortgages changed (0 or 1). */
  public int adjustRate(String tenant, long id, double rate) {
    return db.update("UPDATE mortgage SET rate = ?, version = version + 1 WHERE tenant_id = ? AND id = ?",
        rate, tenant, id);
  }
}
