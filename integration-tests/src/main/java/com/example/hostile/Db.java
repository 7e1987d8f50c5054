package com.example.hostile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The "database": every repository execution is one round trip; names and tags can be written. */
public final class Db {
    private static final AtomicInteger TRIPS = new AtomicInteger();
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    private Db() {
    }

    public static void trip() {
        TRIPS.incrementAndGet();
    }

    public static int trips() {
        return TRIPS.get();
    }

    public static String value(String key, String absent) {
        return VALUES.getOrDefault(key, absent);
    }

    public static void write(String key, String value) {
        VALUES.put(key, value);
    }
}
