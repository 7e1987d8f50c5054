package com.example.handles.plain;

/** Outside guard.packages, immutable by its source: only reflection changes its final field. */
public final class Code {
    public final int value;

    public Code(int value) {
        this.value = value;
    }
}
