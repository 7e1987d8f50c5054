package com.example.library.web;

import com.example.library.service.BookNotFoundException;
import com.example.library.service.BookQueryService;
import com.example.library.service.BookWriteService;
import com.example.library.service.PricingService;
import com.example.library.service.StockService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BookController {

    private final BookQueryService queries;
    private final BookWriteService writes;
    private final StockService stock;
    private final PricingService pricing;
    private final JdbcTemplate jdbc;

    public BookController(BookQueryService queries, BookWriteService writes, StockService stock,
            PricingService pricing, JdbcTemplate jdbc) {
        this.queries = queries;
        this.writes = writes;
        this.stock = stock;
        this.pricing = pricing;
        this.jdbc = jdbc;
    }

    /**
     * The controller asks two layers first (each loads the book on its own, outside any
     * transaction), then the query service builds the details in a read-only transaction.
     */
    @GetMapping("/books/{id}")
    public BookPage book(@PathVariable long id) {
        if (!stock.isAvailable(id)) {
            throw new BookNotFoundException(id);
        }
        int price = pricing.priceCents(id);
        return new BookPage(queries.details(id), price);
    }

    @GetMapping("/books/{id}/summary")
    public BookSummary summary(@PathVariable long id) {
        return queries.summary(id);
    }

    @GetMapping("/books/isbn/{isbn}")
    public BookDetails byIsbn(@PathVariable String isbn) {
        return queries.detailsByIsbn(isbn);
    }

    @PostMapping("/books/{id}/title")
    public BookDetails rename(@PathVariable long id, @RequestParam("value") String value) {
        return writes.rename(id, value);
    }

    /** The title as stored in the database, read with plain JDBC (no Hibernate, no repository). */
    @GetMapping("/books/{id}/stored-title")
    public StoredTitle storedTitle(@PathVariable long id) {
        return new StoredTitle(id, jdbc.queryForObject("select title from book where id = ?", String.class, id));
    }
}
