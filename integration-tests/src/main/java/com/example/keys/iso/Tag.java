package com.example.keys.iso;

public final class Tag {
    public final String text;

    public Tag(String text) {
        this.text = text;
    }
}
