package io.memoguard.testdomain;

/** A guarded class whose inner class writes the outer instance's private field (nestmates). */
public class Node {
  private String label;
  private Node next;

  public Node(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Node next() {
    return next;
  }

  public void link(Node other) {
    next = other;
  }

  public final class Editor {
    public void relabel(String text) {
      label = text;
    }
  }
}
