package io.memoguard.runtime.snapshot;

import java.util.Arrays;

/**
 * The breadth-first tree of a walk, kept as a parent index and an edge per node so that the store
 * builds no strings; a readable path is only put together when {@link Snapshot#check()} reports.
 */
final class Paths {
  static final byte ROOT = 0;
  /** ".name"; the label is the field name. */
  static final byte FIELD = 1;
  /** "[i]": collection or array element. */
  static final byte INDEX = 2;
  /** "[key#i]": key of the i-th map entry. */
  static final byte KEY = 3;
  /** "[value#i (K key)]": map value; the label is the key's class, never the key. */
  static final byte VALUE = 4;
  /** Nothing: Optional and JDK wrappers add no step a reader would look for. */
  static final byte TRANSPARENT = 5;

  /** Steps kept at each end of a deep path; a reader needs the root and the changed field. */
  static final int KEEP_STEPS = 8;
  private static final int MAX_STEP_CHARS = 80;

  private Class<?> rootClass;
  private int[] parent;
  private byte[] edge;
  private int[] index;
  private Object[] label;
  private int size;

  Paths() {
    this(null, new int[16], new byte[16], new int[16], new Object[16], 0);
  }

  private Paths(Class<?> rootClass, int[] parent, byte[] edge, int[] index, Object[] label,
      int size) {
    this.rootClass = rootClass;
    this.parent = parent;
    this.edge = edge;
    this.index = index;
    this.label = label;
    this.size = size;
  }

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
    // a map value's step keeps the key's class only: the key itself is never printed
    label[size] = edgeKind == VALUE && edgeLabel != null ? edgeLabel.getClass() : edgeLabel;
    return size++;
  }

  /**
   * These paths cut to the first {@code nodes} nodes, which hold every path to a node below
   * {@code nodes} (a parent comes before its children): what a snapshot keeps to name a change.
   */
  Paths trim(int nodes) {
    int n = Math.min(nodes, size);
    return new Paths(rootClass, Arrays.copyOf(parent, n), Arrays.copyOf(edge, n),
        Arrays.copyOf(index, n), Arrays.copyOf(label, n), n);
  }

  /**
   * E.g. "Mortgage.product.tags[2]" or "HashMap[value#3 (String key)].n". Never a value: a map
   * position names the entry's place in iteration order and the key's class, not the key. A deep
   * path keeps its first and last {@link #KEEP_STEPS} steps, e.g.
   * "Node.next.next[...99984 more...].next.value".
   */
  String of(int node) {
    int steps = 0;
    for (int n = node; n > 0 && n < size; n = parent[n]) {
      if (edge[n] != TRANSPARENT && edge[n] != ROOT) {
        steps++;
      }
    }
    int[] chain = new int[steps];
    for (int n = node, d = steps; n > 0 && n < size; n = parent[n]) {
      if (edge[n] != TRANSPARENT && edge[n] != ROOT) {
        chain[--d] = n;
      }
    }
    StringBuilder sb = new StringBuilder(simpleName(rootClass));
    for (int d = 0; d < steps; d++) {
      if (d == KEEP_STEPS && steps > 2 * KEEP_STEPS) {
        elide(sb, steps - 2 * KEEP_STEPS);
        d = steps - KEEP_STEPS;
      }
      int n = chain[d];
      switch (edge[n]) {
        case FIELD: sb.append('.').append(bounded(String.valueOf(label[n]))); break;
        case INDEX: sb.append('[').append(index[n]).append(']'); break;
        case KEY: sb.append("[key#").append(index[n]).append(']'); break;
        case VALUE: sb.append('[').append(valueStep((Class<?>) label[n], index[n])).append(']'); break;
        default: break;
      }
    }
    return sb.toString();
  }

  /** How the steps left out of a deep path are shown. */
  static void elide(StringBuilder sb, int omitted) {
    sb.append("[...").append(omitted).append(" more...]");
  }

  /** A field name as a path step; a generated class can have names thousands of characters long. */
  static String bounded(String step) {
    return step.length() <= MAX_STEP_CHARS ? step : step.substring(0, MAX_STEP_CHARS) + "...";
  }

  /**
   * The step to the value of the i-th map entry, without the key: keys are host data (an e-mail,
   * a token) and must never reach a log line. E.g. "value#3 (String key)".
   */
  static String value(Object key, int i) {
    return valueStep(key == null ? null : key.getClass(), i);
  }

  private static String valueStep(Class<?> keyClass, int i) {
    return "value#" + i + " (" + (keyClass == null ? "null" : simpleName(keyClass)) + " key)";
  }

  static String simpleName(Class<?> c) {
    if (c == null) {
      return "null";
    }
    String s = c.getSimpleName();
    return bounded(s.isEmpty() ? c.getName().substring(c.getName().lastIndexOf('.') + 1) : s);
  }
}
