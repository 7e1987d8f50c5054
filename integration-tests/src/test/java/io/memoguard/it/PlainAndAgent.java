package io.memoguard.it;

import java.util.function.Function;

/**
 * The two runs of one application that a test class compares, without and with the agent, each
 * started at most once (on first use) and shared by all the tests of the class.
 */
final class PlainAndAgent<T> {
    private final Once<T> plain;
    private final Once<T> agent;

    /** {@code start} is given whether the run has the agent. */
    PlainAndAgent(Function<Boolean, T> start) {
        this.plain = new Once<>(() -> start.apply(false));
        this.agent = new Once<>(() -> start.apply(true));
    }

    T plain() {
        return plain.get();
    }

    T agent() {
        return agent.get();
    }
}
