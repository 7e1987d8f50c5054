package com.example.reflect;

import com.example.reflect.domain.Price;

/** Memoized by a rule with {@code on-mutation: fail}. */
public class StrictRepository {
    int loads;

    public Price findPrice(String sku) {
        loads++;
        return new Price(200, "EUR");
    }
}
