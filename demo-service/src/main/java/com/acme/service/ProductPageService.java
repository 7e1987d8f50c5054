package com.acme.service;

import com.acme.domain.Product;
import com.acme.repo.PageRequest;
import com.acme.repo.ProductRepository;
import java.util.List;

/** A paged product listing; its header is built by a view helper that loads the page on its own. */
public class ProductPageService {
  public static final int PAGE_SIZE = 2;

  private final ProductRepository products;
  private final PageHeader header;

  public ProductPageService(ProductRepository products) {
    this.products = products;
    this.header = new PageHeader(products);
  }

  public ProductPage page(String tenant, int page) {
    List<Product> content =
        products.findPage(tenant, PageRequest.of(page, PAGE_SIZE, PageRequest.SortBy.NAME));
    return new ProductPage(content, header.describe(tenant, page));
  }

  /** A page's products and the line above them. */
  public record ProductPage(List<Product> products, String header) {}

  /** The view helper: asks for the same page with a PageRequest of its own, as layered code does. */
  static final class PageHeader {
    private final ProductRepository products;

    PageHeader(ProductRepository products) {
      this.products = products;
    }

    String describe(String tenant, int page) {
      List<Product> shown =
          products.findPage(tenant, PageRequest.of(page, PAGE_SIZE, PageRequest.SortBy.NAME));
      if (shown.isEmpty()) {
        return "page " + (page + 1) + ": no products";
      }
      return "page " + (page + 1) + ": " + shown.get(0).getName() + " to "
          + shown.get(shown.size() - 1).getName();
    }
  }
}
