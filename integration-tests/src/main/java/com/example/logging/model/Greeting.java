package com.example.logging.model;

/** Mutable entity in the guarded package. */
public class Greeting {
    private final String name;
    private String text;

    public Greeting(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public String getName() { return name; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
