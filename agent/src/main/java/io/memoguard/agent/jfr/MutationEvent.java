package io.memoguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.memoguard.Mutation")
@Label("Mutation of a memoized value")
@Category("memoguard")
@Description("A write to an object that is part of memoized results, seen by its barrier or found"
    + " by the check when the value was about to be served again")
// the site fields name the writer; a stack of the agent's own frames would add nothing
@StackTrace(false)
final class MutationEvent extends jdk.jfr.Event {
  @Label("Field")
  @Description("Class.field written, or the changed path (e.g. Mortgage.rates[2]) found at a read")
  String field;

  @Label("Site")
  @Description("The frame that wrote, or where the change was found")
  String site;

  @Label("Via")
  @Description("The first caller outside the guarded packages when a guarded class wrote")
  String via;

  @Label("Memoized Methods")
  String methods;

  @Label("Callers")
  @Description("How many callers had received the object")
  int callers;

  @Label("Action")
  @Description("invalidated, logged, rejected or 'not rejected, invalidated'")
  String action;

  @Label("Detection")
  @Description("barrier (the write itself) or read (a change found before serving again)")
  String detection;
}
