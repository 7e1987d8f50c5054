package io.memoguard.testrepo;

import java.util.List;

/** Memoized methods of every arity the advice distinguishes; each call of a body is counted. */
public class ArityRepository implements ArityCalls {
  public int bodyRuns;

  @Override
  public Object findNone() {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findOne(long id) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findTwo(int a, int b) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findThree(String s, double d, Integer boxed) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findFour(int a, int b, int c, int d) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findIds(List<Integer> ids) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public int findCount(int a) {
    bodyRuns++;
    return a * 2 + bodyRuns * 1000;
  }

  @Override
  public Object findPage(PageQuery query) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findSpan(int tenant, Span span) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public Object findAround(Span span, int a, int b, int c) {
    bodyRuns++;
    return new Object();
  }

  @Override
  public int bodyRuns() {
    return bodyRuns;
  }
}
