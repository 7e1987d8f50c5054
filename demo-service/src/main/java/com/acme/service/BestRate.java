package com.acme.service;

import com.acme.domain.Product;

/** The cheapest product of a tenant, next to the catalogue footer. */
public record BestRate(Product cheapest, CatalogSummary catalog) {}
