package com.example.keys.iso;

import java.util.HashMap;
import java.util.Map;

/**
 * Static methods only, loaded by two class loaders by {@code KeysApp}: nothing but the class
 * itself tells the two copies apart. Each copy has its own statics.
 */
public final class StaticRepo {
    public static String origin = "?";
    public static int loads;
    private static final Map<Integer, String> NAMES = new HashMap<>();

    private StaticRepo() {
    }

    public static String getTag(String key) {
        loads++;
        return origin + ":" + key;
    }

    /** Returns a class of this copy's own loader: the other copy's value cannot be cast to it. */
    public static Tag getValue(String key) {
        loads++;
        return new Tag(origin + ":" + key);
    }

    public static String getName(int id) {
        loads++;
        return NAMES.getOrDefault(id, "name" + id);
    }

    public static void rename(int id, String name) {
        NAMES.put(id, name);
    }
}
