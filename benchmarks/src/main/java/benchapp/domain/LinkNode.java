package benchapp.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * Tree node linked through its own fields (first child, next sibling): no collection or array in
 * the graph, so every mutable object of it carries a write barrier.
 */
public class LinkNode implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private OffsetDateTime at;
  private LinkNode firstChild;
  private LinkNode nextSibling;

  public LinkNode() {}

  public LinkNode(String name, OffsetDateTime at) {
    this.name = name;
    this.at = at;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public OffsetDateTime getAt() { return at; }
  public void setAt(OffsetDateTime at) { this.at = at; }
  public LinkNode getFirstChild() { return firstChild; }
  public void setFirstChild(LinkNode firstChild) { this.firstChild = firstChild; }
  public LinkNode getNextSibling() { return nextSibling; }
  public void setNextSibling(LinkNode nextSibling) { this.nextSibling = nextSibling; }

  public LinkNode deepCopy() {
    LinkNode copy = new LinkNode(name, at);
    LinkNode last = null;
    for (LinkNode child = firstChild; child != null; child = child.nextSibling) {
      LinkNode c = child.deepCopy();
      if (last == null) {
        copy.firstChild = c;
      } else {
        last.nextSibling = c;
      }
      last = c;
    }
    return copy;
  }
}
