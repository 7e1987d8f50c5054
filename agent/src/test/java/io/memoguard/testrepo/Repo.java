package io.memoguard.testrepo;

import java.util.List;
import java.util.stream.Stream;

/** The test repository's contract, loaded untransformed so tests can call the woven class. */
public interface Repo {
  String find(String tenant, long id);

  String find(String tenant);

  String find(long id);

  String findNothing(String key);

  int countSum(int a, int b);

  String fetchFailing(String key);

  String findByIds(long[] ids);

  String findByNames(List<String> names);

  String findByBuilder(StringBuilder builder);

  String findByNamesVarargs(String... names);

  void loadTouch();

  Stream<String> listStream();

  void save(String value);

  String renderReport(String value);
}
