package com.example.keys;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An application list (think lazy loading): every call of its methods is counted. */
public final class CountingList extends AbstractList<String> implements RandomAccess {
    public int calls;

    @Override
    public String get(int index) {
        calls++;
        return "e" + index;
    }

    @Override
    public int size() {
        calls++;
        return 3;
    }
}
