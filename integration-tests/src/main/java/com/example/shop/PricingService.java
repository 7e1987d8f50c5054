package com.example.shop;

import com.example.shop.domain.Item;

/** Loads the item twice, as chatty service code does. */
public class PricingService {
    private final CatalogRepository repository;

    public PricingService(CatalogRepository repository) {
        this.repository = repository;
    }

    public long priceWithTaxCents(String sku) {
        Item item = repository.findItem(sku);
        long base = item.getPriceCents();
        long tax = repository.findItem(sku).getPriceCents() / 5;
        return base + tax;
    }
}
