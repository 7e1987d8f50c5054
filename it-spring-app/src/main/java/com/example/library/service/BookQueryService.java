package com.example.library.service;

import com.example.library.domain.Author;
import com.example.library.domain.Book;
import com.example.library.repo.BookRepository;
import com.example.library.web.BookDetails;
import com.example.library.web.BookSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the responses. */
@Service
public class BookQueryService {

    private final BookRepository books;
    private final StockService stock;
    private final PricingService pricing;

    public BookQueryService(BookRepository books, StockService stock, PricingService pricing) {
        this.books = books;
        this.stock = stock;
        this.pricing = pricing;
    }

    /**
     * Title, author's name and the number of the author's books: touches the lazy author proxy and
     * the lazy collection, so it runs in a read-only transaction (needed without open-in-view).
     */
    @Transactional(readOnly = true)
    public BookDetails details(long bookId) {
        Book book = books.findById(bookId).orElseThrow(() -> new BookNotFoundException(bookId));
        Author author = book.getAuthor();
        return new BookDetails(book.getId(), book.getTitle(), book.getIsbn(), author.getName(),
                author.getBooks().size());
    }

    /** The title, in a read-only transaction of its own (a persistence context without open-in-view). */
    @Transactional(readOnly = true)
    public String title(long bookId) {
        return books.findById(bookId).orElseThrow(() -> new BookNotFoundException(bookId)).getTitle();
    }

    /** The same by ISBN; the other layers look the ISBN up too, all in this one transaction. */
    @Transactional(readOnly = true)
    public BookDetails detailsByIsbn(String isbn) {
        if (!stock.isAvailable(isbn)) {
            throw new BookNotFoundException(isbn);
        }
        int price = pricing.priceCents(isbn);
        Book book = books.findByIsbn(isbn).orElseThrow(() -> new BookNotFoundException(isbn));
        Author author = book.getAuthor();
        return new BookDetails(book.getId(), book.getTitle() + " (" + price + " cents)", book.getIsbn(),
                author.getName(), author.getBooks().size());
    }

    /**
     * Title, ISBN, availability and price: never touches the author or the author's books. Not
     * transactional: without open-in-view every repository call is a transaction of its own.
     */
    public BookSummary summary(long bookId) {
        boolean available = stock.isAvailable(bookId);
        int price = pricing.priceCents(bookId);
        Book book = books.findById(bookId).orElseThrow(() -> new BookNotFoundException(bookId));
        return new BookSummary(book.getId(), book.getTitle(), book.getIsbn(), available, price);
    }
}
