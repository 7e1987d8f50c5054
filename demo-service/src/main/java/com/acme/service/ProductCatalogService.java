package com.acme.service;

import com.acme.domain.Product;
import com.acme.repo.ProductRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public class ProductCatalogService {
  private final ProductRepository products;

  public ProductCatalogService(ProductRepository products) {
    this.products = products;
  }

  public Catalog catalog(String tenant) {
    return new Catalog(sortedByName(tenant), count(tenant));
  }

  /** The flagship is the tenant's first product: it relies on the repository's id order. */
  public CatalogSummary summary(String tenant) {
    List<Product> all = products.listProducts(tenant);
    return new CatalogSummary(all.isEmpty() ? null : all.get(0).getName(), all.size());
  }

  private List<Product> sortedByName(String tenant) {
    // sort a copy: the list we got may be shared with other callers in this request
    List<Product> sorted = new ArrayList<>(products.listProducts(tenant));
    sorted.sort(Comparator.comparing(Product::getName));
    return sorted;
  }

  private int count(String tenant) {
    return products.listProducts(tenant).size();
  }
}
