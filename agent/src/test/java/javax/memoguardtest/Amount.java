package javax.memoguardtest;

/** An application class whose package looks like the JDK's: it must be walked like any other. */
public class Amount {
  public int cents;

  public Amount(int cents) {
    this.cents = cents;
  }
}
