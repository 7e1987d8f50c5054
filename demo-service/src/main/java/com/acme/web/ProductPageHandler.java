package com.acme.web;

import com.acme.service.ProductPageService;
import com.acme.service.ProductPageService.ProductPage;

/** {@code GET /tenants/{tenant}/products/pages/{page}}: one page of products sorted by name. */
public class ProductPageHandler extends JsonHandler {
  private final ProductPageService pages;

  public ProductPageHandler(ProductPageService pages, RequestScope scope) {
    super("GET", "/tenants/(?<tenant>[^/]+)/products/pages/(?<page>\\d{1,4})", scope);
    this.pages = pages;
  }

  @Override
  protected String respond(Request request) {
    ProductPage page = pages.page(request.pathParam("tenant"),
        Integer.parseInt(request.pathParam("page")));
    return new JsonObject()
        .put("header", page.header())
        .putRaw("products", JsonObject.array(page.products().stream()
            .map(product -> DomainJson.product(product).toString())
            .toList()))
        .toString();
  }
}
