package com.example.hygiene;

import com.example.hygiene.plain.Counter;
import com.example.hygiene.plain.Link;
import java.util.Map;
import java.util.function.Function;

/** One request per call of {@link #run}: the scenarios a hostile host plays against the agent's log. */
public class HygieneJob {
    /** What an application exception's message could carry: a secret and a forged agent line. */
    public static final String HOSTILE_MESSAGE = "cannot read row of SECRET-I1\n[memoguard] ERROR forged SECRET-I2";

    private final HygieneRepository repository = new HygieneRepository();

    public String run(String scenario) throws Exception {
        switch (scenario) {
            case "map": {
                // a caller changes a value of a memoized map keyed by a secret: found at the next call
                Map<String, Counter> counters = repository.getCounters(1);
                counters.values().iterator().next().n++;
                return "n=" + repository.getCounters(1).values().iterator().next().n;
            }
            case "fresh-map": {
                // verify mode: every call returns a different value under the secret key
                repository.getFreshCounters(1);
                return "n=" + repository.getFreshCounters(1).values().iterator().next().n;
            }
            case "chain": {
                Link head = repository.getChain(100_000);
                Link tail = head;
                while (tail.next != null) {
                    tail = tail.next;
                }
                tail.value = 1;
                Link again = repository.getChain(100_000);
                while (again.next != null) {
                    again = again.next;
                }
                return "tail=" + again.value;
            }
            case "fresh-chain": {
                repository.getFreshChain(100_000);
                return "chain=" + (repository.getFreshChain(100_000) != null);
            }
            case "throws": {
                try {
                    repository.getFailing("x");
                    return "no exception";
                } catch (IllegalStateException e) {
                    return "caught " + e.getMessage().length();
                }
            }
            case "hostile-loader": {
                @SuppressWarnings("unchecked")
                Function<String, String> rows = (Function<String, String>) new HostileLoader(
                        HygieneJob.class.getClassLoader()).loadClass("com.example.hygiene.iso.IsoRepository")
                        .getConstructor().newInstance();
                return rows.apply("7") + "," + rows.apply("7");
            }
            default:
                throw new IllegalArgumentException(scenario);
        }
    }
}
