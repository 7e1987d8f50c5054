package io.memoguard.bench;

import benchapp.domain.ArrayNode;
import benchapp.domain.LinkNode;
import benchapp.domain.MapNode;
import benchapp.domain.Node;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Builds the benchmark graphs: {@code size} tree nodes, breadth first, at most 10 children per
 * node, so 1,111 is the full 10 x 10 x 10 tree. Every node has its own String and OffsetDateTime.
 */
public final class Graphs {
  public static final OffsetDateTime BASE = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  public static final int FANOUT = 10;

  private Graphs() {}

  static int parent(int i) {
    return (i - 1) / FANOUT;
  }

  static String name(int i) {
    return "node-" + i;
  }

  static OffsetDateTime at(int i) {
    return BASE.plusSeconds(i);
  }

  public static Object build(String shape, int size) {
    switch (shape) {
      case "list": return list(size);
      case "array": return array(size);
      case "map": return map(size);
      case "links": return links(size);
      default: throw new IllegalArgumentException("shape " + shape);
    }
  }

  public static Node list(int size) {
    Node[] nodes = new Node[size];
    for (int i = 0; i < size; i++) {
      nodes[i] = new Node(name(i), at(i));
      if (i > 0) {
        nodes[parent(i)].getChildren().add(nodes[i]);
      }
    }
    return nodes[0];
  }

  public static ArrayNode array(int size) {
    int[] kids = new int[size];
    for (int i = 1; i < size; i++) {
      kids[parent(i)]++;
    }
    ArrayNode[] nodes = new ArrayNode[size];
    int[] filled = new int[size];
    for (int i = 0; i < size; i++) {
      nodes[i] = new ArrayNode(name(i), at(i), kids[i]);
      if (i > 0) {
        int p = parent(i);
        nodes[p].getChildren()[filled[p]++] = nodes[i];
      }
    }
    return nodes[0];
  }

  public static MapNode map(int size) {
    MapNode[] nodes = new MapNode[size];
    for (int i = 0; i < size; i++) {
      nodes[i] = new MapNode(name(i), at(i));
      if (i > 0) {
        nodes[parent(i)].getChildren().put(nodes[i].getName(), nodes[i]);
      }
    }
    return nodes[0];
  }

  public static LinkNode links(int size) {
    LinkNode[] nodes = new LinkNode[size];
    LinkNode[] lastChild = new LinkNode[size];
    for (int i = 0; i < size; i++) {
      nodes[i] = new LinkNode(name(i), at(i));
      if (i > 0) {
        int p = parent(i);
        if (lastChild[p] == null) {
          nodes[p].setFirstChild(nodes[i]);
        } else {
          lastChild[p].setNextSibling(nodes[i]);
        }
        lastChild[p] = nodes[i];
      }
    }
    return nodes[0];
  }

  /** Hand-written deep copy of any shape. */
  public static Object deepCopy(Object root) {
    if (root instanceof Node) {
      return ((Node) root).deepCopy();
    }
    if (root instanceof ArrayNode) {
      return ((ArrayNode) root).deepCopy();
    }
    if (root instanceof MapNode) {
      return ((MapNode) root).deepCopy();
    }
    return ((LinkNode) root).deepCopy();
  }
}
