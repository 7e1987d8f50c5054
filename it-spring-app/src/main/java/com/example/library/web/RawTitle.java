package com.example.library.web;

/** The title read before and after a plain-JDBC update, in one request. */
public record RawTitle(long id, String before, String after) {
}
