package com.example.library.web;

import com.example.library.repo.JdbcBookDao;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Puts what Hibernate did during the request into response headers: {@code X-Sql-Statements}, the
 * number of SQL statements it prepared; {@code X-Lazy-Entity-Fetches}, how many lazy proxies were
 * initialized; {@code X-Lazy-Collection-Fetches}, how many lazy collections were loaded;
 * {@code X-Jdbc-Statements}, the statements of the JDBC repository ({@link JdbcBookDao}).
 * Hibernate's statistics are global: the numbers are right only while requests do not overlap (the
 * tests send them one after the other). The body is buffered so that the headers can still be set
 * after the controller has written it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SqlStatementsFilter extends OncePerRequestFilter {

    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private volatile Statistics statistics;

    public SqlStatementsFilter(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Statistics stats = statistics();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        long statements = stats.getPrepareStatementCount();
        long entityFetches = stats.getEntityFetchCount();
        long collectionFetches = stats.getCollectionFetchCount();
        long jdbcStatements = JdbcBookDao.STATEMENTS.get();
        try {
            chain.doFilter(request, buffered);
        } finally {
            buffered.setHeader("X-Sql-Statements", Long.toString(stats.getPrepareStatementCount() - statements));
            buffered.setHeader("X-Lazy-Entity-Fetches", Long.toString(stats.getEntityFetchCount() - entityFetches));
            buffered.setHeader("X-Lazy-Collection-Fetches",
                    Long.toString(stats.getCollectionFetchCount() - collectionFetches));
            buffered.setHeader("X-Jdbc-Statements", Long.toString(JdbcBookDao.STATEMENTS.get() - jdbcStatements));
            buffered.copyBodyToResponse();
        }
    }

    private Statistics statistics() {
        Statistics s = statistics;
        if (s == null) {
            s = entityManagerFactory.getObject().unwrap(SessionFactory.class).getStatistics();
            statistics = s;
        }
        return s;
    }
}
