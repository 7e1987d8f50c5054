package com.acme.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Builds one object from the current row. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(ResultSet row) throws SQLException;
}
