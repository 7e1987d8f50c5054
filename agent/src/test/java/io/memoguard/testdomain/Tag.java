package io.memoguard.testdomain;

/** A guarded class that copies itself with Object.clone(), tracker field included. */
public class Tag implements Cloneable, java.io.Serializable {
  private String name;

  public Tag(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Tag copy() throws CloneNotSupportedException {
    return (Tag) clone();
  }
}
