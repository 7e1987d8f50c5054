package com.example.library.repo;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A JDBC repository next to the JPA ones: plain rows, no entity. Its statements do not pass through
 * Hibernate, so it counts them itself ({@code X-Jdbc-Statements}).
 */
@Component
public class JdbcBookDao {

    /** Statements this DAO executed; a call served by the agent executes none. */
    public static final AtomicLong STATEMENTS = new AtomicLong();

    private final JdbcTemplate jdbc;

    public JdbcBookDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public BookRow findRow(long id) {
        STATEMENTS.incrementAndGet();
        return jdbc.queryForObject("select id, title, isbn from book where id = ?",
                (rs, n) -> new BookRow(rs.getLong(1), rs.getString(2), rs.getString(3)), id);
    }
}
