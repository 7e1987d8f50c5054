package io.memoguard.testrepo;

import java.util.ArrayList;
import java.util.List;

/** One method whose result is the same at every call, one whose result changes at every call. */
public class QuoteRepository {
  public int bodyRuns;
  private int sequence;
  private int rateCalls;

  /** Fails at its second call only. */
  public List<String> findRate(String tenant) {
    bodyRuns++;
    if (++rateCalls == 2) {
      throw new IllegalStateException("rate service down");
    }
    return new ArrayList<>(List.of(tenant, "3.5"));
  }

  public List<String> findProducts(String tenant) {
    bodyRuns++;
    return new ArrayList<>(List.of(tenant + "-fixed", tenant + "-variable"));
  }

  public List<String> findQuote(String tenant) {
    bodyRuns++;
    sequence++;
    return new ArrayList<>(List.of(tenant, "quote-" + sequence));
  }
}
