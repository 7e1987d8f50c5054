package io.memoguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.memoguard.Request")
@Label("Request")
@Category("memoguard")
@Description("A request that called memoized methods has ended")
@StackTrace(false)
final class RequestEvent extends jdk.jfr.Event {
  @Label("Hits")
  int hits;

  @Label("Misses")
  int misses;
}
