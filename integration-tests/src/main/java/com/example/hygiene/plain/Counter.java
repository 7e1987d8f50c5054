package com.example.hygiene.plain;

/** Outside guard.packages: a write to it is found when the value is served again. */
public class Counter {
    public int n;

    public Counter(int n) {
        this.n = n;
    }
}
