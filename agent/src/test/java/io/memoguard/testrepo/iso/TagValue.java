package io.memoguard.testrepo.iso;

/** A result class loaded by each loader that loads {@link StaticRepo}. */
public final class TagValue {
  public final String text;

  public TagValue(String text) {
    this.text = text;
  }
}
