package com.example.hostile.model;

import java.util.AbstractList;

/** An application List whose lazy loading fails, with a message that tries to forge a log line. */
public class ThrowingList extends AbstractList<String> {

    @Override
    public String get(int index) {
        throw new IllegalStateException("lazy load of SECRET-row " + index + " failed"
                + "\n12:00:00.000 [memoguard] ERROR forged line SECRET-forged");
    }

    @Override
    public int size() {
        return 2;
    }
}
