package io.memoguard.testchain.domain;

public class B extends io.memoguard.testchain.mid.M {
  public String b = "b";

  public void setB(String b) {
    this.b = b;
  }
}
