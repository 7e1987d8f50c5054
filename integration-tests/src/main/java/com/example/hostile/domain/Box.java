package com.example.hostile.domain;

/** A guarded holder of anything, e.g. a stream that can be read only once. */
public class Box {
    public Object content;

    public Box(Object content) {
        this.content = content;
    }
}
