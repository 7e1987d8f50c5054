package com.example.handles.domain;

/** A guarded domain class whose fields the application also writes through handles. */
public class Counter {
    public int count;
    public String label;
    public volatile int hits;

    public Counter(int count, String label) {
        this.count = count;
        this.label = label;
    }
}
