package com.example.library.service;

import com.example.library.repo.JdbcBookDao;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A transactional service over the JDBC repository: under JpaTransactionManager it opens a session. */
@Service
public class ShelfService {

    private final JdbcBookDao rows;

    public ShelfService(JdbcBookDao rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public String shelf(long bookId) {
        return "shelf " + rows.findRow(bookId).title().charAt(0);
    }
}
