package com.example.hygiene;

import com.example.hygiene.plain.Counter;
import com.example.hygiene.plain.Link;
import java.util.HashMap;
import java.util.Map;

/** Memoized by the agent's configuration (get* methods). */
public class HygieneRepository {
    private int calls;

    public Map<String, Counter> getCounters(int id) {
        Map<String, Counter> counters = new HashMap<>();
        counters.put("SECRET-C1-" + id, new Counter(0));
        return counters;
    }

    public Map<String, Counter> getFreshCounters(int id) {
        Map<String, Counter> counters = new HashMap<>();
        counters.put("SECRET-C2-" + id, new Counter(++calls));
        return counters;
    }

    public Link getChain(int length) {
        return Link.chain(length, 0);
    }

    public Link getFreshChain(int length) {
        return Link.chain(length, ++calls);
    }

    public String getFailing(String id) {
        throw new IllegalStateException(HygieneJob.HOSTILE_MESSAGE);
    }
}
