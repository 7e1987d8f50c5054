package io.memoguard.runtime;

import java.util.Arrays;
import java.util.UUID;

/**
 * The breadth-first tree of a walk, kept as a parent index and an edge per node so that the store
 * builds no strings; a readable path is only put together when {@link Graph#verify()} reports.
 */
final class Paths {
  static final byte ROOT = 0;
  /** ".name"; the label is the field name. */
  static final byte FIELD = 1;
  /** "[i]": collection or array element. */
  static final byte INDEX = 2;
  /** "[key#i]": key of the i-th map entry. */
  static final byte KEY = 3;
  /** "[key]" or "[value#i]": map value; the label is the key. */
  static final byte VALUE = 4;
  /** Nothing: Optional and JDK wrappers add no step a reader would look for. */
  static final byte TRANSPARENT = 5;

  private static final int MAX_KEY_CHARS = 40;

  private Class<?> rootClass;
  private int[] parent = new int[16];
  private byte[] edge = new byte[16];
  private int[] index = new int[16];
  private Object[] label = new Object[16];
  private int size;

  void root(Class<?> c) {
    rootClass = c;
  }

  /** Adds a node and returns its number, which is also its position in the walk's queue. */
  int add(int parentNode, byte edgeKind, int i, Object edgeLabel) {
    if (size == parent.length) {
      int n = size * 2;
      parent = Arrays.copyOf(parent, n);
      edge = Arrays.copyOf(edge, n);
      index = Arrays.copyOf(index, n);
      label = Arrays.copyOf(label, n);
    }
    parent[size] = parentNode;
    edge[size] = edgeKind;
    index[size] = i;
    label[size] = edgeLabel;
    return size++;
  }

  /** E.g. "Mortgage.product.tags[2]". */
  String of(int node) {
    int depth = 0;
    for (int n = node; n >= 0; n = parent[n]) {
      depth++;
    }
    int[] chain = new int[depth];
    for (int n = node, d = depth; n >= 0; n = parent[n]) {
      chain[--d] = n;
    }
    StringBuilder sb = new StringBuilder(simpleName(rootClass));
    for (int d = 1; d < depth; d++) {
      int n = chain[d];
      switch (edge[n]) {
        case FIELD: sb.append('.').append(label[n]); break;
        case INDEX: sb.append('[').append(index[n]).append(']'); break;
        case KEY: sb.append("[key#").append(index[n]).append(']'); break;
        case VALUE: sb.append('[').append(value(label[n], index[n])).append(']'); break;
        default: break;
      }
    }
    return sb.toString();
  }

  /** The key of the i-th map entry when it prints without application code, else "value#i". */
  static String value(Object key, int i) {
    if (key instanceof String) {
      String s = (String) key;
      return '"' + (s.length() > MAX_KEY_CHARS ? s.substring(0, MAX_KEY_CHARS) + "..." : s) + '"';
    }
    if (key instanceof Enum) {
      return ((Enum<?>) key).name();
    }
    if (key instanceof Integer || key instanceof Long || key instanceof Short
        || key instanceof Byte || key instanceof Character || key instanceof Boolean
        || key instanceof UUID) {
      return key.toString();
    }
    return "value#" + i;
  }

  private static String simpleName(Class<?> c) {
    if (c == null) {
      return "null";
    }
    String s = c.getSimpleName();
    return s.isEmpty() ? c.getName().substring(c.getName().lastIndexOf('.') + 1) : s;
  }
}
