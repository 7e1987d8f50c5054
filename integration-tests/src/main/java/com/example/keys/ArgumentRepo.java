package com.example.keys;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Memoized reads whose result depends on what an argument shows besides its elements. */
public final class ArgumentRepo {
    public int loads;

    /** The first key in the map's iteration order. */
    public String findFirst(Map<String, Integer> map) {
        loads++;
        return map.isEmpty() ? "-" : map.keySet().iterator().next();
    }

    /** The elements in iteration order, with the concrete class. */
    public String findShape(Collection<?> values) {
        loads++;
        return values.getClass().getSimpleName() + values;
    }

    public String findArray(Object[] values) {
        loads++;
        return values.getClass().getSimpleName() + values.length;
    }

    public int countAll(List<?> list) {
        loads++;
        return list.size();
    }
}
