package com.example.hierarchy;

/**
 * Classes outside the agent's own packages (which its transformer ignores), for hierarchy
 * matching tests.
 */
public final class Hierarchy {
  private Hierarchy() {}

  public interface Target {}

  public interface Middle extends Target {}

  public abstract static class Parent implements Middle {}

  /** Reaches {@link Target} only through its superclass's interface's super-interface. */
  public static class Child extends Parent {
    public String findName(long id) {
      return "name" + id;
    }
  }

  public static class Unrelated implements Runnable {
    @Override
    public void run() {}
  }

  /** Matched by a {@code class:} glob only. */
  public static class OrderRepository {
    public String findOrder(long id) {
      return "order" + id;
    }
  }
}
