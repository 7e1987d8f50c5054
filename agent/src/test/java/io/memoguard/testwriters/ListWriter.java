package io.memoguard.testwriters;

import java.util.function.Consumer;

/** Writes a field of a guarded class from outside it. */
public final class ListWriter implements Consumer<Object> {
  @Override
  public void accept(Object target) {
    ((io.memoguard.testdomain.Account) target).notes = new java.util.ArrayList<>();
  }
}
