package io.memoguard.it;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One application run per variant of a test class (no agent, agent, ...), each started at most once
 * by the first test that needs it and shared by the others ({@link Once}).
 */
final class Runs<V extends Enum<V>, R> {
    private final Map<V, Once<R>> runs;

    Runs(Class<V> variants, Function<V, R> execute) {
        runs = new EnumMap<>(variants);
        for (V v : variants.getEnumConstants()) {
            runs.put(v, new Once<>(() -> execute.apply(v)));
        }
    }

    R get(V variant) {
        return runs.get(variant).get();
    }

    Collection<Once<R>> all() {
        return runs.values();
    }
}
