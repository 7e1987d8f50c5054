package com.acme.demo;

import com.acme.db.Db;

/** Creates the schema and restores the seed rows; safe to run against an existing database. */
final class DemoData {
  private static final String SCRIPT = "classpath:/com/acme/demo/demo-data.sql";

  private DemoData() {}

  static void load(Db db) {
    db.update("RUNSCRIPT FROM '" + SCRIPT + "'");
  }
}
