package com.acme.repo;

import com.acme.db.Db;
import com.acme.domain.Product;
import java.util.List;

public class ProductRepository {
  private final Db db;
  private final RequestCache cache;

  public ProductRepository(Db db, RequestCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /** The tenant's products in id order; empty for an unknown tenant. */
  public List<Product> listProducts(String tenant) {
    return cache.get(() -> loadAll(tenant), "ProductRepository.listProducts", tenant);
  }

  /** One page of the tenant's products in the requested order (ties by id). */
  public List<Product> findPage(String tenant, PageRequest page) {
    return cache.get(() -> loadPage(tenant, page), "ProductRepository.findPage", tenant, page);
  }

  /** Returns null for an unknown product. */
  public Product getProduct(long id) {
    return cache.get(() -> load(id), "ProductRepository.getProduct", id);
  }

  private List<Product> loadAll(String tenant) {
    return db.query(
        "SELECT " + ProductRows.COLUMNS + " FROM product p " + ProductRows.JOIN_INVESTOR
            + " WHERE p.tenant_id = ? ORDER BY p.id",
        ProductRows::map,
        tenant);
  }

  private List<Product> loadPage(String tenant, PageRequest page) {
    return db.query(
        "SELECT " + ProductRows.COLUMNS + " FROM product p " + ProductRows.JOIN_INVESTOR
            + " WHERE p.tenant_id = ? ORDER BY " + page.sort().column + ", p.id LIMIT ? OFFSET ?",
        ProductRows::map,
        tenant, page.size(), page.offset());
  }

  private Product load(long id) {
    return db.queryOne(
        "SELECT " + ProductRows.COLUMNS + " FROM product p " + ProductRows.JOIN_INVESTOR
            + " WHERE p.id = ?",
        ProductRows::map,
        id);
  }
}
