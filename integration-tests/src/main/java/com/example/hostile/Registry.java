package com.example.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of the hostile host. {@code kind} says what the agent may do to the round trips:
 * {@code EQ} none saved, {@code MAY} fewer allowed, {@code SAVE} fewer required; {@code F} marks a
 * scenario that never writes a result, so it must behave the same under {@code on-mutation: fail};
 * {@code OUT} runs outside any request.
 */
public final class Registry {
    final List<Entry> entries = new ArrayList<>();

    public void add(String name, String kind, Scenario scenario) {
        entries.add(new Entry(name, kind, scenario));
    }

    record Entry(String name, String kind, Scenario scenario) {
    }
}
