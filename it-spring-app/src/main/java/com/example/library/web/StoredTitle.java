package com.example.library.web;

public record StoredTitle(long id, String title) {
}
