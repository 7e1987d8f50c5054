package io.memoguard.testrepo;

/**
 * A mutable application value object as an argument (a page request with setters): keyed by the
 * state of its fields at call time, so the same instance changed between calls is another call.
 */
public final class PageQuery {
  public int page;
  public String sort;

  public PageQuery(int page, String sort) {
    this.page = page;
    this.sort = sort;
  }
}
