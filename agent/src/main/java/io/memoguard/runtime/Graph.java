package io.memoguard.runtime;
// TEMPORARY placeholder until the walker lands
public final class Graph {
  final java.util.List<Guarded> guarded = new java.util.ArrayList<>();
  public int guardedCount() { return guarded.size(); }
  public Guarded guarded(int i) { return guarded.get(i); }
  public int watchedCount() { return 0; }
  public String verify() { return null; }
  public boolean needsVerify() { return false; }
}
