package com.example.library.web;

public record BookSummary(long id, String title, String isbn, boolean available, int priceCents) {
}
