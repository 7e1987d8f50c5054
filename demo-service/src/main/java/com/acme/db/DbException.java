package com.acme.db;

import java.sql.SQLException;

/** A failed statement. Unchecked: no caller of the repositories can recover from one. */
public class DbException extends RuntimeException {
  public DbException(String message, SQLException cause) {
    super(message, cause);
  }
}
