package io.memoguard.bench;

import benchapp.plain.PlainRepository;
import io.memoguard.runtime.RequestScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Opening and closing a request around a direct call: the part of a miss that is not the store. */
@State(Scope.Thread)
public class RequestBaselineBench {
  int a = 1;
  int b = 2;
  PlainRepository plain = new PlainRepository(Graphs.list(1));

  @Benchmark
  public Object requestAroundDirectCall() {
    RequestScope.enter();
    try {
      return plain.getValue(a, b);
    } finally {
      RequestScope.exit();
    }
  }
}
