package io.memoguard.testchain.mid;

/** Unguarded, between two guarded classes. */
public class M extends io.memoguard.testchain.domain.A {
  public String m = "m";

  public void setM(String m) {
    this.m = m;
  }
}
