package com.acme.repo;

/**
 * Which page of a listing, as Spring Data's {@code PageRequest}: a small value object that callers
 * build anew for each call. It has no equals: memoguard keys it by its fields.
 */
public final class PageRequest {
  /** Sort keys a caller may ask for, mapped to columns (never SQL from the caller). */
  public enum SortBy {
    NAME("p.name"), ID("p.id");

    final String column;

    SortBy(String column) {
      this.column = column;
    }
  }

  private final int page;
  private final int size;
  private final SortBy sort;

  private PageRequest(int page, int size, SortBy sort) {
    this.page = page;
    this.size = size;
    this.sort = sort;
  }

  public static PageRequest of(int page, int size, SortBy sort) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be >= 0 and size >= 1");
    }
    return new PageRequest(page, size, sort);
  }

  public int page() {
    return page;
  }

  public int size() {
    return size;
  }

  SortBy sort() {
    return sort;
  }

  long offset() {
    return (long) page * size;
  }
}
