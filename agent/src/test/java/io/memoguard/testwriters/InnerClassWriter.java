package io.memoguard.testwriters;

import java.util.function.Consumer;

/** Writes through an anonymous inner class and a lambda living outside the guarded package. */
public final class InnerClassWriter implements Consumer<Object> {
  @Override
  public void accept(Object target) {
    io.memoguard.testdomain.Account account = (io.memoguard.testdomain.Account) target;
    Runnable viaLambda = () -> account.balance = 1;
    viaLambda.run();
  }
}
