package com.acme.demo;

import com.acme.db.Db;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;

/** Creates the schema and restores the seed rows; safe to run against an existing database. */
final class DemoData {
  private static final String SCRIPT = "classpath:/com/acme/demo/demo-data.sql";
  /** The same schema and rows in PostgreSQL's dialect (upserts instead of H2's MERGE ... KEY). */
  private static final String POSTGRESQL_SCRIPT = "demo-data-postgresql.sql";

  private DemoData() {}

  /** Loads the H2 script. */
  static void load(Db db) {
    db.update("RUNSCRIPT FROM '" + SCRIPT + "'");
  }

  /** Loads the script of the database {@code jdbcUrl} names: PostgreSQL or, otherwise, H2. */
  static void load(Db db, String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      load(db);
      return;
    }
    // PostgreSQL has no RUNSCRIPT: run the statements one by one
    for (String statement : statements(resource(POSTGRESQL_SCRIPT))) {
      db.update(statement);
    }
  }

  /** Splits a script at each ';' that ends a line; drops '--' comment lines. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    return statements;
  }

  private static String resource(String name) {
    try (InputStream in = DemoData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
