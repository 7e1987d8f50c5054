package com.example.hostile.model;

/** Outside guard.packages, mutable. */
public class Counter implements Renderable {
    public int n;

    public Counter(int n) {
        this.n = n;
    }

    @Override
    public String render() {
        return "Counter(" + n + ")";
    }
}
