package com.example.shop;

import com.example.shop.domain.Item;

/** The "repository" the agent memoizes. Every real execution is counted. */
public class CatalogRepository {

    public Item findItem(String sku) {
        RepoStats.FIND_ITEM_INVOCATIONS.incrementAndGet();
        // a fresh object per execution, as an ORM would return
        int n = Math.abs(sku.hashCode() % 1000);
        return new Item(sku, "Item " + sku, 1000L + n, 3 + n % 7);
    }
}
