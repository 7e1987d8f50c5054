package com.example.library.service;

import com.example.library.domain.Book;
import com.example.library.repo.BookRepository;
import com.example.library.web.BookDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Load, change, save. */
@Service
public class BookWriteService {

    private final BookRepository books;
    private final BookQueryService queries;

    public BookWriteService(BookRepository books, BookQueryService queries) {
        this.books = books;
        this.queries = queries;
    }

    /** Changes the title and relies on dirty checking: no save, the commit flushes the change. */
    @Transactional
    public void retitleUnsaved(long bookId, String title) {
        books.findById(bookId).orElseThrow(() -> new BookNotFoundException(bookId)).setTitle(title);
    }

    @Transactional
    public BookDetails rename(long bookId, String title) {
        Book book = books.findById(bookId).orElseThrow(() -> new BookNotFoundException(bookId));
        book.setTitle(title);
        books.save(book);
        return queries.details(bookId);
    }
}
