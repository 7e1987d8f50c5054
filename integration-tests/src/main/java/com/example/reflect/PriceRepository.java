package com.example.reflect;

import com.example.reflect.domain.Price;

/** Memoized with the global on-mutation (invalidate). Counts how often its body really runs. */
public class PriceRepository {
    int loads;

    public Price findPrice(String sku) {
        loads++;
        return new Price(100, "USD");
    }
}
