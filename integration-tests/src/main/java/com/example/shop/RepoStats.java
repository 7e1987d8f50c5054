package com.example.shop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the real executions of {@link CatalogRepository#findItem}. Kept outside the repository
 * class so that nothing about the counter itself can be memoized.
 */
public final class RepoStats {
    public static final AtomicInteger FIND_ITEM_INVOCATIONS = new AtomicInteger();

    private RepoStats() {
    }
}
