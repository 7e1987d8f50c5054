package com.example.library.service;

import com.example.library.repo.BookRepository;
import org.springframework.stereotype.Service;

/** A layer of its own that loads the book again, as layered code does. Not transactional. */
@Service
public class StockService {

    private final BookRepository books;

    public StockService(BookRepository books) {
        this.books = books;
    }

    public boolean isAvailable(long bookId) {
        return books.findById(bookId).isPresent();
    }

    public boolean isAvailable(String isbn) {
        return books.findByIsbn(isbn).isPresent();
    }
}
