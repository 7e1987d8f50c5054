package com.example.library.service;

import com.example.library.domain.Book;
import com.example.library.repo.BookRepository;
import org.springframework.stereotype.Service;

/** Another layer that loads the book again. Not transactional. */
@Service
public class PricingService {

    private final BookRepository books;

    public PricingService(BookRepository books) {
        this.books = books;
    }

    public int priceCents(long bookId) {
        return books.findById(bookId).map(PricingService::price).orElse(0);
    }

    public int priceCents(String isbn) {
        return books.findByIsbn(isbn).map(PricingService::price).orElse(0);
    }

    private static int price(Book book) {
        return 990 + 10 * book.getTitle().length();
    }
}
