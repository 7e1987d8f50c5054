package com.acme.web;

import com.acme.db.Db;
import com.acme.repo.RequestCache;

/** The per-request state of the lower layers, which lives in thread-locals of the worker thread. */
public final class RequestScope {
  private final Db db;
  private final RequestCache cache;

  public RequestScope(Db db, RequestCache cache) {
    this.db = db;
    this.cache = cache;
  }

  void begin() {
    db.resetStatementCount();
  }

  int statements() {
    return db.statementCount();
  }

  /** Pool threads serve many requests: nothing of this one may leak into the next. */
  void end() {
    db.resetStatementCount();
    cache.clear();
  }
}
