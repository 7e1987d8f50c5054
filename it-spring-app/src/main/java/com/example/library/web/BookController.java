package com.example.library.web;

import com.example.library.service.BookNotFoundException;
import com.example.library.service.BookQueryService;
import com.example.library.service.BookWriteService;
import com.example.library.service.CatalogService;
import com.example.library.service.PageService;
import com.example.library.service.ShelfService;
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
    private final PageService pages;
    private final ShelfService shelves;
    private final CatalogService catalog;

    public BookController(BookQueryService queries, BookWriteService writes, StockService stock,
            PricingService pricing, JdbcTemplate jdbc, PageService pages, ShelfService shelves,
            CatalogService catalog) {
        this.queries = queries;
        this.writes = writes;
        this.stock = stock;
        this.pricing = pricing;
        this.jdbc = jdbc;
        this.pages = pages;
        this.shelves = shelves;
        this.catalog = catalog;
    }

    /** A page of titles: the service and its header each call findAll(Pageable). */
    @GetMapping("/books")
    public BookList page(@RequestParam("page") int page, @RequestParam("size") int size) {
        return pages.page(page, size);
    }

    /** Two transactional services, each reading the same row through the JDBC repository. */
    @GetMapping("/books/{id}/catalog")
    public CatalogEntry catalogEntry(@PathVariable long id) {
        return new CatalogEntry(id, shelves.shelf(id), catalog.line(id));
    }

    /**
     * Reads the book in one transaction, changes it in the next without saving (dirty checking),
     * then returns the title as stored: the change is flushed only if the second transaction
     * changed a managed entity.
     */
    @PostMapping("/books/{id}/retitle")
    public StoredTitle retitle(@PathVariable long id, @RequestParam("value") String value) {
        String before = queries.title(id);
        writes.retitleUnsaved(id, value + " (was " + before + ")");
        return storedTitle(id);
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
