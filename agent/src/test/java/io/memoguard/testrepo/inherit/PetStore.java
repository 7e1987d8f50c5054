package io.memoguard.testrepo.inherit;

/** The memoized class: its reads see what the inherited {@link BaseStore#put} wrote. */
public class PetStore extends BaseStore {
  public int loads;

  public String getPet(String key) {
    loads++;
    return data.getOrDefault(key, "none");
  }
}
