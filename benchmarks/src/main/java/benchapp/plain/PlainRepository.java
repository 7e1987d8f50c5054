package benchapp.plain;

/**
 * Same body as BenchRepository, but not named in any configuration: the direct call.
 * The body is trivial on purpose: what is measured is the cost of the call itself.
 */
public class PlainRepository {
  /** How many times the body ran; a hit does not run it. A public field: no advice on it. */
  public int bodyCalls;
  private final Object value;

  public PlainRepository(Object value) {
    this.value = value;
  }

  public Object getValue(int a, int b) {
    bodyCalls++;
    return value;
  }

}
