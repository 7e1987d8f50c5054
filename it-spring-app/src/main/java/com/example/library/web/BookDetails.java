package com.example.library.web;

public record BookDetails(long id, String title, String isbn, String author, int authorBooks) {
}
