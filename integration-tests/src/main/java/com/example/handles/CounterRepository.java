package com.example.handles;

import com.example.handles.domain.Counter;
import com.example.handles.domain.Tag;
import com.example.handles.plain.Code;

/** Memoized. Counts how often its bodies really run. */
public class CounterRepository {
    int loads;

    public Counter find(String key) {
        loads++;
        return new Counter(1, "fresh");
    }

    public Tag tag(String key) {
        loads++;
        return new Tag("fresh");
    }

    public Code code(String key) {
        loads++;
        return new Code(1);
    }
}
