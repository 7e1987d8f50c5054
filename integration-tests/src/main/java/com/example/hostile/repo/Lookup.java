package com.example.hostile.repo;

/** Memoized through an {@code implements:} rule; the application implements it with a JDK proxy. */
public interface Lookup {
    String lookupName(String id);
}
