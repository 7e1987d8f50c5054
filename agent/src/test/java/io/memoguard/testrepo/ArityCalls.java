package io.memoguard.testrepo;

import java.util.List;

/** What a test calls on a woven {@link ArityRepository} loaded by another class loader. */
public interface ArityCalls {
  Object findNone();

  Object findOne(long id);

  Object findTwo(int a, int b);

  Object findThree(String s, double d, Integer boxed);

  Object findFour(int a, int b, int c, int d);

  Object findIds(List<Integer> ids);

  int findCount(int a);

  Object findPage(PageQuery query);

  Object findSpan(int tenant, Span span);

  Object findAround(Span span, int a, int b, int c);

  int bodyRuns();
}
