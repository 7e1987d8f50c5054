package com.acme.repo;

import com.acme.db.Db;
import com.acme.domain.Tenant;

public class TenantRepository {
  private final Db db;
  private final RequestCache cache;

  public TenantRepository(Db db, RequestCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /** Returns null for an unknown tenant. */
  public Tenant getTenant(String id) {
    return cache.get(() -> load(id), "TenantRepository.getTenant", id);
  }

  private Tenant load(String id) {
    return db.queryOne(
        "SELECT id, name FROM tenant WHERE id = ?",
        row -> {
          Tenant tenant = new Tenant();
          tenant.setId(row.getString("id"));
          tenant.setName(row.getString("name"));
          return tenant;
        },
        id);
  }
}
