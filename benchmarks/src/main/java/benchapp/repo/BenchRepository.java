package benchapp.repo;

/**
 * Memoized by the benchmark agent configuration (memoize: get*).
 * The body is trivial on purpose: what is measured is the cost of the call itself.
 */
public class BenchRepository {
  /** How many times the body ran; a hit does not run it. A public field: no advice on it. */
  public int bodyCalls;
  private final Object value;

  public BenchRepository(Object value) {
    this.value = value;
  }

  public Object getValue(int a, int b) {
    bodyCalls++;
    return value;
  }

  /** The same body with one value-object argument, keyed by its fields. */
  public Object getPage(PageKey key) {
    bodyCalls++;
    return value;
  }

  /** Not read-like: drops the entries of this class (default invalidation). */
  public void evict() {}
}
