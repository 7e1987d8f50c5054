package io.memoguard.testwriters;

import java.util.function.Consumer;

/** Writes a field of a guarded class from outside it. */
public final class PublicFieldWriter implements Consumer<Object> {
  @Override
  public void accept(Object target) {
    ((io.memoguard.testdomain.Account) target).balance = 99;
  }
}
