package com.acme.service;

/** The catalogue footer: the flagship (the tenant's first product) and the product count. */
public record CatalogSummary(String flagship, int total) {}
