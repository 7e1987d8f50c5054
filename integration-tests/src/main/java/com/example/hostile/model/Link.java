package com.example.hostile.model;

/** Outside guard.packages: a chain of these is checked on read, not barriered. */
public class Link implements Renderable {
    public String value;
    public Link next;

    public Link(String value) {
        this.value = value;
    }

    @Override
    public String render() {
        int count = 0;
        StringBuilder values = new StringBuilder();
        for (Link l = this; l != null; l = l.next) {
            count++;
            values.setLength(0);
            values.append(l.value);
        }
        return "Link(" + count + ",last=" + values + ")";
    }
}
