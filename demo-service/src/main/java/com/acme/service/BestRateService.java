package com.acme.service;

import com.acme.domain.Product;
import com.acme.repo.ProductRepository;
import java.util.Comparator;
import java.util.List;

/** The best-rate banner: the tenant's cheapest product, shown above the catalogue footer. */
public class BestRateService {
  private final ProductRepository products;
  private final ProductCatalogService catalogs;

  public BestRateService(ProductRepository products, ProductCatalogService catalogs) {
    this.products = products;
    this.catalogs = catalogs;
  }

  public BestRate bestRate(String tenant) {
    Product cheapest = cheapest(tenant);
    return new BestRate(cheapest, catalogs.summary(tenant));
  }

  private Product cheapest(String tenant) {
    List<Product> offers = products.listProducts(tenant);
    if (offers.isEmpty()) {
      throw new NotFoundException("no products for tenant " + tenant);
    }
    // Sorts the list it got, in place. Harmless as long as every call returns a fresh list; a
    // shared per-request cache hands this order to every later caller in the request.
    offers.sort(Comparator.comparingDouble(Product::getBaseRate));
    return offers.get(0);
  }
}
