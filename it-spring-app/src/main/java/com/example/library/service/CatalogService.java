package com.example.library.service;

import com.example.library.repo.JdbcBookDao;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Another transactional service reading the same row: its transaction opens a session too. */
@Service
public class CatalogService {

    private final JdbcBookDao rows;

    public CatalogService(JdbcBookDao rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public String line(long bookId) {
        var row = rows.findRow(bookId);
        return row.title() + " [" + row.isbn() + "]";
    }
}
