package com.acme.web;

import com.acme.service.Catalog;
import com.acme.service.ProductCatalogService;

/** {@code GET /tenants/{tenant}/products}: the tenant's products sorted by name. */
public class ProductListHandler extends JsonHandler {
  private final ProductCatalogService catalogs;

  public ProductListHandler(ProductCatalogService catalogs, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/products", scope);
    this.catalogs = catalogs;
  }

  @Override
  protected String respond(Request request) {
    Catalog catalog = catalogs.catalog(request.pathParam("tenant"));
    return new JsonObject()
        .putRaw("products", JsonObject.array(catalog.products().stream()
            .map(product -> DomainJson.product(product).toString())
            .toList()))
        .put("total", catalog.total())
        .toString();
  }
}
