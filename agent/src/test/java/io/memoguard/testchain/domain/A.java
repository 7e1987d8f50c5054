package io.memoguard.testchain.domain;

public class A {
  public String a = "a";
}
