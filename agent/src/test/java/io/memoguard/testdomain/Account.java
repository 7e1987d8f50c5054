package io.memoguard.testdomain;

/** A guarded domain class exercising every kind of field write the barrier must see. */
public class Account {
  private String owner;
  public long balance;
  public double rate;
  protected int version;
  public java.util.List<String> notes = new java.util.ArrayList<>();

  public Account() {}

  public Account(String owner) {
    this.owner = owner;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public int getVersion() {
    return version;
  }

  public void bumpVersion() {
    version++;
  }

  public void renameInLambda(String name) {
    Runnable rename = () -> owner = name;
    rename.run();
  }

  public void renameInInnerClass(String name) {
    new Object() {
      void rename() {
        owner = name;
      }
    }.rename();
  }
}
