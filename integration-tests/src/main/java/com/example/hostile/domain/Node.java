package com.example.hostile.domain;

/** A guarded link: chains and cycles of these are written through barriers. */
public class Node implements com.example.hostile.model.Renderable {
    public int value;
    public String label;
    public Node next;

    public Node(int value, String label) {
        this.value = value;
        this.label = label;
    }

    @Override
    public String render() {
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long sum = 0;
        StringBuilder labels = new StringBuilder();
        Node n = this;
        while (n != null && seen.add(n)) {
            sum += n.value;
            if (seen.size() <= 8) {
                labels.append(n.label).append(';');
            }
            n = n.next;
        }
        return "Node(" + seen.size() + ",sum=" + sum + ",cycle=" + (n != null) + "," + labels + ")";
    }
}
