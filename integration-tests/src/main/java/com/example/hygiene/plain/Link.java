package com.example.hygiene.plain;

/** A node of a long chain; outside guard.packages. */
public class Link {
    public Link next;
    public int value;

    public static Link chain(int length, int lastValue) {
        Link head = new Link();
        Link tail = head;
        for (int i = 1; i < length; i++) {
            tail.next = new Link();
            tail = tail.next;
        }
        tail.value = lastValue;
        return head;
    }
}
