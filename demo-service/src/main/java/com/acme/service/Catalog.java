package com.acme.service;

import com.acme.domain.Product;
import java.util.List;

/** A tenant's products by name, and the product count shown in the footer. */
public record Catalog(List<Product> products, int total) {}
