package com.example.hostile.model;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An application List (lazy loading, side effects): every call is counted. */
public class CountingList<E> extends AbstractList<E> {
    public static final AtomicInteger CALLS = new AtomicInteger();
    private final List<E> elements;

    public CountingList(List<E> elements) {
        this.elements = elements;
    }

    @Override
    public E get(int index) {
        CALLS.incrementAndGet();
        return elements.get(index);
    }

    @Override
    public int size() {
        CALLS.incrementAndGet();
        return elements.size();
    }
}
