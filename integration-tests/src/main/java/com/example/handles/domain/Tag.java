package com.example.handles.domain;

/** A guarded class that nothing targets with a handle until a value holding it is cached. */
public class Tag {
    public String name;

    public Tag(String name) {
        this.name = name;
    }
}
