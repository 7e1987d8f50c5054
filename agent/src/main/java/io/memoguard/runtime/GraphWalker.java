package io.memoguard.runtime;
// TEMPORARY placeholder until the walker lands
public final class GraphWalker {
  public static Graph walk(Object root, int max) {
    Graph g = new Graph();
    java.util.IdentityHashMap<Object, Boolean> seen = new java.util.IdentityHashMap<>();
    java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
    if (root != null) todo.push(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (seen.put(o, true) != null) continue;
      if (o instanceof Guarded) {
        g.guarded.add((Guarded) o);
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
          for (java.lang.reflect.Field f : c.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || f.getName().startsWith("$memoguard")) continue;
            try { f.setAccessible(true); Object v = f.get(o); if (v != null) todo.push(v); } catch (Exception e) { }
          }
        }
      } else if (o instanceof java.util.Collection) {
        for (Object e : (java.util.Collection<?>) o) if (e != null) todo.push(e);
      }
    }
    return g;
  }
}
