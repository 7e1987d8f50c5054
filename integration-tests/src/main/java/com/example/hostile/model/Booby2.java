package com.example.hostile.model;

import java.util.concurrent.atomic.AtomicInteger;

/** Outside guard.packages; hashCode, equals and toString throw and count. The agent must never call them. */
public class Booby2 {
    public static final AtomicInteger CALLS = new AtomicInteger();
    /** Off while a repository builds a result: only calls made after it returned are counted. */
    public static volatile boolean armed = true;
    public int id;

    public Booby2(int id) {
        this.id = id;
    }

    @Override
    public int hashCode() {
        count();
        return id;
    }

    @Override
    public boolean equals(Object other) {
        count();
        return other instanceof Booby2 && ((Booby2) other).id == id;
    }

    @Override
    public String toString() {
        count();
        throw new IllegalStateException("toString of SECRET-booby2\n[memoguard] ERROR forged");
    }

    private static void count() {
        if (armed) {
            CALLS.incrementAndGet();
        }
    }
}
