package com.example.library.web;

public record BookPage(BookDetails book, int priceCents) {
}
