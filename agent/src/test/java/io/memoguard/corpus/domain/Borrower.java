package io.memoguard.corpus.domain;

/** Writes a field it inherits from {@link Party}. */
public class Borrower extends Party {
  public void moveTo(String newCity) {
    city = newCity; // @inherited
  }
}
