package com.example.containers.app;

import com.example.containers.app.domain.Product;

/**
 * The API-independent part of every endpoint: chatty service code that loads the same product
 * several times, and a caller that changes a loaded object in place.
 */
public class CatalogService {
    private final ProductRepository repository;

    public CatalogService(ProductRepository repository) {
        this.repository = repository;
    }

    /** Four findProduct executions without memoization. */
    public String describe(long id) {
        Product product = repository.findProduct(id);
        long price = repository.findProduct(id).getPriceCents();
        long tax = repository.findProduct(id).getPriceCents() / 5;
        String name = repository.findProduct(id).getName();
        return "{\"id\":" + product.getId() + ",\"name\":\"" + name + "\",\"priceCents\":" + price
                + ",\"priceWithTaxCents\":" + (price + tax) + "}";
    }

    /**
     * Applies a discount to the loaded object in place (a mutation of what the repository
     * returned), then loads the product again: the second load must see the database's price.
     */
    public String discounted(long id) {
        Product product = repository.findProduct(id);
        product.setPriceCents(product.getPriceCents() / 2);
        Product again = repository.findProduct(id);
        return "{\"id\":" + id + ",\"discountedCents\":" + product.getPriceCents()
                + ",\"storedCents\":" + again.getPriceCents() + "}";
    }
}
