package com.acme.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The demo's whole JDBC layer. It counts every statement it runs on the calling thread, so the web
 * layer can report how many statements a request cost: that number is what memoguard lowers.
 */
public final class Db {
  private final DataSource dataSource;
  // an int[] so that counting a statement neither boxes nor writes the thread-local again
  private final ThreadLocal<int[]> statements = ThreadLocal.withInitial(() -> new int[1]);

  public Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    countStatement();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new DbException(sql, e);
    }
  }

  /** Returns null when the query finds no row. */
  public <T> T queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    if (rows.size() > 1) {
      throw new DbException("expected at most one row, got " + rows.size() + ": " + sql, null);
    }
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Runs an INSERT, UPDATE, DDL or other non-query statement; returns the update count. */
  public int update(String sql, Object... params) {
    countStatement();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, params)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new DbException(sql, e);
    }
  }

  /** Statements run on this thread since the last {@link #resetStatementCount()}. */
  public int statementCount() {
    return statements.get()[0];
  }

  /** Adds statements that work for the calling thread's request ran on other threads. */
  public void addStatements(int count) {
    statements.get()[0] += count;
  }

  public void resetStatementCount() {
    statements.remove();
  }

  private void countStatement() {
    statements.get()[0]++;
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
