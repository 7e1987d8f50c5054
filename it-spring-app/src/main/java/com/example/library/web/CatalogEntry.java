package com.example.library.web;

public record CatalogEntry(long id, String shelf, String line) {
}
