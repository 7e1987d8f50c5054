package com.example.containers.app;

import com.example.containers.app.domain.Product;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The repository the agent memoizes: one SELECT per execution of {@link #findProduct}, counted. */
public class ProductRepository {
    /** SQL statements executed; responses report the difference over a request. */
    public static final AtomicInteger QUERIES = new AtomicInteger();

    private final String url;

    public ProductRepository(String url) {
        this.url = url;
    }

    void createSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE product(id BIGINT PRIMARY KEY, name VARCHAR(100), price_cents BIGINT)");
            for (int id = 1; id <= 5; id++) {
                s.execute("INSERT INTO product VALUES (" + id + ", 'Product " + id + "', " + (1000 + 250 * id) + ")");
            }
        }
    }

    public Product findProduct(long id) {
        QUERIES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps = c.prepareStatement("SELECT id, name, price_cents FROM product WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Product(rs.getLong(1), rs.getString(2), rs.getLong(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("findProduct " + id, e);
        }
    }

    void shutdown() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("shutdown", e);
        }
    }
}
