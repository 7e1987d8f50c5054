package com.example.hygiene.iso;

import java.util.function.Function;

/** Memoized by rule; loaded by a loader whose resource look-ups throw. */
public class IsoRepository extends IsoBase implements Function<String, String> {
    public String getRow(String id) {
        return prefix() + id;
    }

    @Override
    public String apply(String id) {
        return getRow(id);
    }
}
