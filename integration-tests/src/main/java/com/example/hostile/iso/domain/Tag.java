package com.example.hostile.iso.domain;

/** Guarded; loaded once per child-first loader. */
public class Tag {
    public String value;

    public Tag(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "Tag(" + value + ")";
    }
}
