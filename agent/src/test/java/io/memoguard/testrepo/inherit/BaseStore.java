package io.memoguard.testrepo.inherit;

import java.util.HashMap;
import java.util.Map;

/** A base class no memoize rule names: its writing method is inherited by a memoized class. */
public class BaseStore {
  protected final Map<String, String> data = new HashMap<>();

  public void put(String key, String value) {
    data.put(key, value);
  }
}
