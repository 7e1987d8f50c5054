package com.example.library.web;

import java.util.List;

public record BookList(List<String> titles, String header) {
}
