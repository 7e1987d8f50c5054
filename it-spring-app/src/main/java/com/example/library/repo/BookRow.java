package com.example.library.repo;

/** A row as the JDBC repository maps it: not an entity, not managed by any persistence context. */
public record BookRow(long id, String title, String isbn) {
}
