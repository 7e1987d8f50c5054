package com.example.hostile.model;

import java.util.Iterator;
import java.util.List;

/** An application Iterable with its own cursor: iterating it changes its state. */
public class Cursor implements Iterable<String>, Renderable {
    private final List<String> items;
    public int position;

    public Cursor(List<String> items) {
        this.items = items;
    }

    @Override
    public String render() {
        return "Cursor(" + position + "/" + items.size() + ")";
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return position < items.size();
            }

            @Override
            public String next() {
                return items.get(position++);
            }
        };
    }
}
