package com.example.hostile.domain;

import java.util.concurrent.atomic.AtomicInteger;

/** A guarded class whose hashCode and toString throw: the agent must never call them. */
public class Booby {
    public static final AtomicInteger CALLS = new AtomicInteger();
    public int id;
    public String secret;

    public Booby(int id) {
        this.id = id;
        this.secret = "SECRET-booby-" + id;
    }

    @Override
    public int hashCode() {
        CALLS.incrementAndGet();
        throw new IllegalStateException("hashCode of SECRET-booby\n[memoguard] ERROR forged");
    }

    @Override
    public String toString() {
        CALLS.incrementAndGet();
        throw new IllegalStateException("toString of SECRET-booby\n[memoguard] ERROR forged");
    }
}
