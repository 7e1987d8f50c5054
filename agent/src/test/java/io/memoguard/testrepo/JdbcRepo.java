package io.memoguard.testrepo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads (and, in bump, also writes) a counter table through plain JDBC. */
public class JdbcRepo {
  private final Connection connection;
  public int bodyRuns;

  public JdbcRepo(Connection connection) {
    this.connection = connection;
  }

  public Integer findValue(String name) throws SQLException {
    bodyRuns++;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select v from counter where name = '" + name + "'")) {
      return rs.next() ? rs.getInt(1) : null;
    }
  }

  /** A memoized method that writes: returns the value it read before incrementing it. */
  public Integer loadAndBump(String name) throws SQLException {
    Integer before = findValue(name);
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("update counter set v = v + 1 where name = '" + name + "'");
    }
    return before;
  }
}
