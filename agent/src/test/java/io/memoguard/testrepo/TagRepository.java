package io.memoguard.testrepo;

import java.util.ArrayList;
import java.util.List;

/** Returns mutable lists, whose changes are found at the next call (lists carry no barrier). */
public class TagRepository {
  private int calls;

  public List<String> findTags(String key) {
    calls++;
    return new ArrayList<>(List.of(key + "#" + calls));
  }

  public List<String> findLabels(String key) {
    calls++;
    return new ArrayList<>(List.of(key + "#" + calls));
  }
}
