package com.example.shop;

/** Loads the item twice as well. */
public class StockService {
    private final CatalogRepository repository;

    public StockService(CatalogRepository repository) {
        this.repository = repository;
    }

    public boolean available(String sku) {
        return repository.findItem(sku).getStock() > 0;
    }

    public int stock(String sku) {
        return repository.findItem(sku).getStock();
    }
}
