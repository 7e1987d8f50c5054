package com.example.batch;

/** A large row, without barriers: checked on read when served again. */
public class Row {
    final long id;
    final byte[] payload;

    Row(long id, byte[] payload) {
        this.id = id;
        this.payload = payload;
    }
}
