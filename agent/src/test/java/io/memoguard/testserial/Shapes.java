package io.memoguard.testserial;

import java.io.Serializable;
import java.util.function.Supplier;

/** Serializable classes of many shapes without a serialVersionUID of their own. */
public final class Shapes {
  private Shapes() {}

  public static class Plain implements Serializable, Comparable<Plain>, Cloneable {
    private static int counter;
    static final String CONSTANT = "c";
    public static long publicStatic;
    private transient int cache;
    protected transient int protectedTransient;
    private volatile long version;
    public String name;
    protected int[] values;
    double rate;

    static {
      counter = 1;
    }

    public Plain() {}

    protected Plain(String name) {
      this.name = name;
    }

    private Plain(int version) {
      this.version = version;
    }

    Plain(String name, double rate) {
      this.rate = rate;
    }

    @Override
    public int compareTo(Plain o) {
      return name.compareTo(o.name);
    }

    private void secret() {
      cache++;
    }

    public synchronized void sync() {
      version++;
    }

    public static Plain of(String... names) {
      return new Plain(names[0]);
    }

    public final strictfp double strict(double x) {
      return x * rate;
    }

    public native void nativeMethod();

    public Supplier<String> lambda() {
      return () -> name;
    }

    public void setName(String name) {
      this.name = name;
    }

    protected void setRate(double rate) {
      this.rate = rate;
    }
  }

  abstract static class Abstract implements Serializable {
    int x;

    abstract void run();
  }

  public static final class Final implements Serializable {
    private String secret;
  }

  private static class PrivateNested implements Serializable {
    int y;
  }

  /** A non-static inner class: a synthetic this$0 field. */
  public class Inner implements Serializable {
    int z;
  }

  static class NoStaticInit implements Serializable, Runnable {
    private int a;
    public int b;

    @Override
    public void run() {
      a++;
    }
  }

  static class Declared implements Serializable {
    private static final long serialVersionUID = 42L;
    int w;
  }

  /** Inherits the tracker: only a private static marker is added. */
  public static class Sub extends Plain {
    public int extra;

    public Sub() {}
  }

  public static Class<?>[] all() {
    return new Class<?>[] {Plain.class, Abstract.class, Final.class, PrivateNested.class,
        Inner.class, NoStaticInit.class, Declared.class, Sub.class};
  }
}
