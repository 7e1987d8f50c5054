package io.memoguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.memoguard.Invalidation")
@Label("Invalidation")
@Category("memoguard")
@StackTrace(false)
final class InvalidationEvent extends jdk.jfr.Event {
  @Label("Method")
  String method;

  @Label("Cause")
  String cause;

  @Label("Entries")
  int entries;
}
