package benchapp.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** Tree node whose children are in an array (no barrier on the array). */
public class ArrayNode implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private OffsetDateTime at;
  private ArrayNode[] children;

  public ArrayNode() {}

  public ArrayNode(String name, OffsetDateTime at, int childCount) {
    this.name = name;
    this.at = at;
    this.children = new ArrayNode[childCount];
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public OffsetDateTime getAt() { return at; }
  public void setAt(OffsetDateTime at) { this.at = at; }
  public ArrayNode[] getChildren() { return children; }
  public void setChildren(ArrayNode[] children) { this.children = children; }

  public ArrayNode deepCopy() {
    ArrayNode copy = new ArrayNode(name, at, children.length);
    for (int i = 0; i < children.length; i++) {
      copy.children[i] = children[i].deepCopy();
    }
    return copy;
  }
}
