package com.example.hostile.domain;

/** A large row: most of its weight is the byte array. */
public class Row {
    private final long id;
    private final byte[] data;

    public Row(long id, byte[] data) {
        this.id = id;
        this.data = data;
    }

    public long getId() {
        return id;
    }

    public byte[] getData() {
        return data;
    }
}
