package io.memoguard.testrepo;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Counts how often each body really runs; a memoized hit does not run it. */
public class CountingRepository implements Repo {
  private int calls;

  @Override
  public String find(String tenant, long id) {
    calls++;
    return tenant + "/" + id + "#" + calls;
  }

  @Override
  public String find(String tenant) {
    calls++;
    return "tenant " + tenant + "#" + calls;
  }

  @Override
  public String find(long id) {
    calls++;
    return "id " + id + "#" + calls;
  }

  public String findNothing(String key) {
    calls++;
    return null;
  }

  @Override
  public int countSum(int a, int b) {
    calls++;
    return a + b + calls * 1000;
  }

  @Override
  public String fetchFailing(String key) {
    calls++;
    throw new IllegalStateException("boom " + calls);
  }

  @Override
  public String findByIds(long[] ids) {
    calls++;
    return Arrays.toString(ids) + "#" + calls;
  }

  @Override
  public String findByNames(List<String> names) {
    calls++;
    return names + "#" + calls;
  }

  @Override
  public String findByBuilder(StringBuilder builder) {
    calls++;
    return builder + "#" + calls;
  }

  @Override
  public String findByNamesVarargs(String... names) {
    calls++;
    return Arrays.toString(names) + "#" + calls;
  }

  @Override
  public void loadTouch() {
    calls++;
  }

  @Override
  public Stream<String> listStream() {
    calls++;
    return Stream.of("a");
  }

  @Override
  public void save(String value) {
    calls++;
  }

  @Override
  public String renderReport(String value) {
    calls++;
    return value + "#" + calls;
  }
}
