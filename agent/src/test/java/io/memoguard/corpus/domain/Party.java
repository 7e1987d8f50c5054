package io.memoguard.corpus.domain;

/** Guarded superclass: its fields are inherited by {@link Borrower}. */
public class Party {
  protected String city = "Lyon";

  public String city() {
    return city;
  }
}
