package io.memoguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.memoguard.VerifyDifference")
@Label("Verify Difference")
@Category("memoguard")
@Description("Verify mode: a repeated call returned something other than the first call")
@StackTrace(false)
final class VerifyDifferenceEvent extends jdk.jfr.Event {
  @Label("Method")
  String method;

  @Label("Path")
  @Description("The first differing path, never a value")
  String path;
}
