package benchapp.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Tree node whose children are in a {@code java.util.List} (no barrier on the list itself). */
public class Node implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private OffsetDateTime at;
  private List<Node> children = new ArrayList<>();

  public Node() {}

  public Node(String name, OffsetDateTime at) {
    this.name = name;
    this.at = at;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public OffsetDateTime getAt() { return at; }
  public void setAt(OffsetDateTime at) { this.at = at; }
  public List<Node> getChildren() { return children; }
  public void setChildren(List<Node> children) { this.children = children; }

  /** Hand-written deep copy: the fastest possible copy-based protection. */
  public Node deepCopy() {
    Node copy = new Node(name, at);
    List<Node> kids = new ArrayList<>(children.size());
    for (Node child : children) {
      kids.add(child.deepCopy());
    }
    copy.children = kids;
    return copy;
  }

  /** Deep content hash, for the hash-at-store / verify-at-read alternative. */
  public long deepHash() {
    long h = name.hashCode() * 31L + at.hashCode();
    h = h * 31 + children.size();
    for (int i = 0, n = children.size(); i < n; i++) {
      h = h * 1_000_003L + children.get(i).deepHash();
    }
    return h;
  }
}
