package com.example.library.service;

import com.example.library.domain.Book;
import com.example.library.repo.BookRepository;
import com.example.library.web.BookList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A paged listing: the service loads the page, and the header (another layer) asks for the same
 * page again with a Pageable of its own, equal in value.
 */
@Service
public class PageService {

    private final BookRepository books;

    public PageService(BookRepository books) {
        this.books = books;
    }

    @Transactional(readOnly = true)
    public BookList page(int page, int size) {
        Page<Book> content = books.findAll(PageRequest.of(page, size, Sort.by("id")));
        List<String> titles = content.getContent().stream().map(Book::getTitle).toList();
        return new BookList(titles, header(page, size));
    }

    private String header(int page, int size) {
        Page<Book> same = books.findAll(PageRequest.of(page, size, Sort.by("id")));
        return "page " + (same.getNumber() + 1) + " of " + same.getTotalPages() + ", " + same.getTotalElements() + " books";
    }
}
